package dtad.io;

import java.nio.ByteBuffer;

/**
 * The numpy element types that dtad reads, each with its type code ({@code f8}, {@code u1}, ...), its
 * numpy name ({@code float64}, {@code uint8}, ...) and a decoder to doubles. Integers wider than 53 bits
 * are rounded to the nearest double; booleans become 0 and 1.
 */
public enum NpyType {
    FLOAT64("f8", "float64") {
        @Override
        void decode(ByteBuffer data, int byteOffset, int count, double[] dst, int dstOffset, int dstStride) {
            for (int i = 0, d = dstOffset; i < count; i++, d += dstStride) {
                dst[d] = data.getDouble(byteOffset + 8 * i);
            }
        }
    },
    FLOAT32("f4", "float32") {
        @Override
        void decode(ByteBuffer data, int byteOffset, int count, double[] dst, int dstOffset, int dstStride) {
            for (int i = 0, d = dstOffset; i < count; i++, d += dstStride) {
                dst[d] = data.getFloat(byteOffset + 4 * i);
            }
        }
    },
    FLOAT16("f2", "float16") {
        @Override
        void decode(ByteBuffer data, int byteOffset, int count, double[] dst, int dstOffset, int dstStride) {
            for (int i = 0, d = dstOffset; i < count; i++, d += dstStride) {
                dst[d] = halfToDouble(data.getShort(byteOffset + 2 * i));
            }
        }
    },
    INT64("i8", "int64") {
        @Override
        void decode(ByteBuffer data, int byteOffset, int count, double[] dst, int dstOffset, int dstStride) {
            for (int i = 0, d = dstOffset; i < count; i++, d += dstStride) {
                dst[d] = data.getLong(byteOffset + 8 * i);
            }
        }
    },
    INT32("i4", "int32") {
        @Override
        void decode(ByteBuffer data, int byteOffset, int count, double[] dst, int dstOffset, int dstStride) {
            for (int i = 0, d = dstOffset; i < count; i++, d += dstStride) {
                dst[d] = data.getInt(byteOffset + 4 * i);
            }
        }
    },
    INT16("i2", "int16") {
        @Override
        void decode(ByteBuffer data, int byteOffset, int count, double[] dst, int dstOffset, int dstStride) {
            for (int i = 0, d = dstOffset; i < count; i++, d += dstStride) {
                dst[d] = data.getShort(byteOffset + 2 * i);
            }
        }
    },
    INT8("i1", "int8") {
        @Override
        void decode(ByteBuffer data, int byteOffset, int count, double[] dst, int dstOffset, int dstStride) {
            for (int i = 0, d = dstOffset; i < count; i++, d += dstStride) {
                dst[d] = data.get(byteOffset + i);
            }
        }
    },
    UINT64("u8", "uint64") {
        @Override
        void decode(ByteBuffer data, int byteOffset, int count, double[] dst, int dstOffset, int dstStride) {
            for (int i = 0, d = dstOffset; i < count; i++, d += dstStride) {
                dst[d] = unsignedToDouble(data.getLong(byteOffset + 8 * i));
            }
        }
    },
    UINT32("u4", "uint32") {
        @Override
        void decode(ByteBuffer data, int byteOffset, int count, double[] dst, int dstOffset, int dstStride) {
            for (int i = 0, d = dstOffset; i < count; i++, d += dstStride) {
                dst[d] = Integer.toUnsignedLong(data.getInt(byteOffset + 4 * i));
            }
        }
    },
    UINT16("u2", "uint16") {
        @Override
        void decode(ByteBuffer data, int byteOffset, int count, double[] dst, int dstOffset, int dstStride) {
            for (int i = 0, d = dstOffset; i < count; i++, d += dstStride) {
                dst[d] = Short.toUnsignedInt(data.getShort(byteOffset + 2 * i));
            }
        }
    },
    UINT8("u1", "uint8") {
        @Override
        void decode(ByteBuffer data, int byteOffset, int count, double[] dst, int dstOffset, int dstStride) {
            for (int i = 0, d = dstOffset; i < count; i++, d += dstStride) {
                dst[d] = Byte.toUnsignedInt(data.get(byteOffset + i));
            }
        }
    },
    BOOL("b1", "bool") {
        @Override
        void decode(ByteBuffer data, int byteOffset, int count, double[] dst, int dstOffset, int dstStride) {
            for (int i = 0, d = dstOffset; i < count; i++, d += dstStride) {
                dst[d] = data.get(byteOffset + i) != 0 ? 1 : 0;
            }
        }
    };

    private final String code;
    private final String numpyName;

    NpyType(String code, String numpyName) {
        this.code = code;
        this.numpyName = numpyName;
    }

    /** The numpy type code without byte order, e.g. {@code f8}. */
    public String code() {
        return code;
    }

    /** The numpy name, e.g. {@code float64}. */
    public String numpyName() {
        return numpyName;
    }

    /** The size of one element in bytes. */
    public int size() {
        return code.charAt(1) - '0';
    }

    /** The type with the given code ({@code f8}, {@code u1}, ...), or {@code null} if dtad does not read it. */
    static NpyType ofCode(String code) {
        for (NpyType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        return null;
    }

    /**
     * Decodes {@code count} consecutive elements starting at {@code byteOffset} of {@code data} (whose byte
     * order must be set) into {@code dst[dstOffset]}, {@code dst[dstOffset + dstStride]}, ...
     */
    abstract void decode(ByteBuffer data, int byteOffset, int count, double[] dst, int dstOffset, int dstStride);

    /** IEEE 754 half precision bits to a double, exactly. */
    static double halfToDouble(short bits) {
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        double magnitude;
        if (exponent == 0) {
            magnitude = mantissa * 0x1p-24;
        } else if (exponent == 0x1F) {
            magnitude = mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            magnitude = (0x400 | mantissa) * Math.scalb(1.0, exponent - 25);
        }
        return bits < 0 ? -magnitude : magnitude;
    }

    /** An unsigned 64-bit integer to the nearest double. */
    static double unsignedToDouble(long bits) {
        if (bits >= 0) {
            return bits;
        }
        // Halve with the lost bit kept as a sticky bit, so that the conversion rounds correctly.
        return ((bits >>> 1) | (bits & 1)) * 2.0;
    }
}
