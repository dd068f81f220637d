package dtad.method;

/** The kind of a method, in the order listings show them. */
public enum Family {
    /** Diffusion Time Estimation: the score is the diffusion time a row needs to look like noise. */
    DIFFUSION_TIME,
    /** Diffusion reconstruction: the score is the error after noising and denoising. */
    RECONSTRUCTION,
    /** The classical baselines of the field. */
    CLASSICAL
}
