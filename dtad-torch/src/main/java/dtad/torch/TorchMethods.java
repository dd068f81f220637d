package dtad.torch;

import dtad.method.Method;
import dtad.method.MethodProvider;
import dtad.torch.dte.CategoricalDTE;
import dtad.torch.dte.GaussianDTE;
import dtad.torch.dte.ImageCategoricalDTE;
import dtad.torch.dte.InverseGammaDTE;
import dtad.torch.recon.DDPM;
import dtad.torch.recon.DiT;
import dtad.torch.recon.ImageDDPM;
import dtad.torch.recon.ImageDiT;
import java.util.List;

/** Registers the network detectors of dtad-torch (see {@code META-INF/services/dtad.method.MethodProvider}). */
public final class TorchMethods implements MethodProvider {
    @Override
    public List<Method<?>> methods() {
        return List.of(CategoricalDTE.METHOD, InverseGammaDTE.METHOD, GaussianDTE.METHOD, DDPM.METHOD,
                DiT.METHOD, ImageDDPM.METHOD, ImageDiT.METHOD, ImageCategoricalDTE.METHOD);
    }
}
