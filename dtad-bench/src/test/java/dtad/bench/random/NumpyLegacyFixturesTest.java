package dtad.bench.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dtad.testing.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replays the ADBench/DTE protocol's row draws (see {@code numpy_legacy_rng_fixtures.json} in the shared
 * reference folder) and compares them with what numpy's legacy global RandomState drew. The expected
 * summaries below were copied from that file (numpy 2.4.6 reproduces every one of them), so this test
 * needs neither Python nor the shared folder.
 *
 * <p>Per case and seed, after {@code np.random.seed(seed)}: {@code dup} = {@code choice(n, 1000,
 * replace=True)} when n &lt; 1000; {@code sub} = {@code choice(n, 50000, replace=False)} when n &gt; 50000;
 * then {@code choice(perm_len, 0, replace=False)} (draws nothing, consumes a permutation of perm_len);
 * {@code boot} = {@code choice(m, m, replace=True)} with m the rows after dup/sub. Each draw is summarised
 * by its length, first 12 values, sum and the sha256 of its little-endian int64 bytes.
 */
class NumpyLegacyFixturesTest {
    /** case n seed perm_len draw length sum sha256 first-12. */
    private static final String FIXTURES = """
            toy_n80_anom13 80 0 13 dup 1000 38705 68cc961bf139efdc7eee679510ce5c685cb8eb3574f76fefc809a26829265875 44,47,64,67,67,9,21,36,70,12,58,65
            toy_n80_anom13 80 0 13 boot 1000 483269 c6774215140677bd2c049184ed563520469169ec8a00aa02aee21efce14388c3 598,607,8,312,797,668,991,418,186,895,894,977
            toy_n80_anom13 80 1 13 dup 1000 39785 a1e14f6b242a672bb8a5772e7e171b0491674133470a6e5712076eba05a35d03 37,12,72,9,75,5,79,64,16,1,76,71
            toy_n80_anom13 80 1 13 boot 1000 490836 eff914a8bd8584bef7ddc48fdabcd4f93fc2d139efd08d930e11d76e49d6114e 416,520,904,916,68,594,310,725,383,999,733,503
            toy_n80_anom13 80 2 13 dup 1000 38976 9dfc658c513e9561f7edcbee997c751376bb18bf4aed830aaaeb4c85c99e3ba6 40,15,72,22,43,75,7,34,49,75,47,63
            toy_n80_anom13 80 2 13 boot 1000 502435 3c5c9c8591e8650ed57698fc2d95bc632019fc0723b60fc268e1638e3c0f598c 525,873,961,644,905,127,985,603,668,260,699,647
            toy_n80_anom13 80 3 13 dup 1000 38620 7e4fe48510e92b236395c90b9776fb3bbcdb911aa3bc373314bf6a2e586052f2 24,3,56,72,0,21,19,74,41,10,21,38
            toy_n80_anom13 80 3 13 boot 1000 511992 d5a9df5b7843eb17f0c0ccb45e80c11c7254e1ca7f4d4432b20059a2a42c61b4 433,412,39,915,538,697,725,91,255,680,206,38
            toy_n80_anom13 80 4 13 dup 1000 38957 0d9ac80c8a6175e7f53b847ba55eecdd2fad84212be2c377f05894ccd0624e55 46,55,69,1,72,50,9,58,55,55,57,36
            toy_n80_anom13 80 4 13 boot 1000 494743 1d02fac552ced50f485000b7ca5b56cd954f3439f69d5fbe9cdec590244d67c7 602,639,51,471,775,207,371,257,969,199,606,952
            toy_n214_anom9 214 0 9 dup 1000 108194 7dcaf02dd21f99058c50fb24a6d5d88ac4f5903c0cb43a7e33f0068d7a04486b 172,47,117,192,67,195,103,9,211,21,36,87
            toy_n214_anom9 214 0 9 boot 1000 493280 1592a29b400097d72d435850c313f75932d72dded6bb2ebe7571f94abfad7eef 866,158,758,592,155,559,495,626,523,983,846,999
            toy_n214_anom9 214 1 9 dup 1000 107993 834b632095d83e71851e1c434e66b7678a1fda97a4b78fe98cabdbc4d8976ec4 37,140,72,137,203,133,79,192,144,129,204,71
            toy_n214_anom9 214 1 9 boot 1000 494100 a47e29932028cefe116f69f56f13348f5d536493749a1d3ba11012486957abe7 951,877,332,174,945,11,136,445,842,151,344,217
            toy_n214_anom9 214 2 9 dup 1000 106464 b3a73a734dcddc3d1b019e721244be17a6561ded83d7f44ee5ba4a010adbcab1 168,15,72,22,43,210,75,104,7,162,177,95
            toy_n214_anom9 214 2 9 boot 1000 509201 50b4acb64662d2fae4e2af185ce88f853eaf91010b11f6b289086ce69e2968e4 180,634,189,871,929,767,865,113,473,870,569,823
            toy_n214_anom9 214 3 9 dup 1000 104313 5fbc15b0ff4fe82f2a6bbbffc814d1d7f2cbaf0939b2c31e1fd7ed1589d91706 106,152,131,184,200,0,21,147,202,107,169,138
            toy_n214_anom9 214 3 9 boot 1000 509325 2f4f97d6d368391dd46e0fd16ac2cfa64dfb9ea585d82ed72628b0cbc8a473b8 604,437,171,165,523,300,506,392,415,20,145,721
            toy_n214_anom9 214 4 9 dup 1000 105206 a24e0b78e8a30b0765619cd94ec7c8ee98a9d8a2c2c4e5330a5e631724816dbc 122,174,183,197,129,104,87,200,50,137,58,103
            toy_n214_anom9 214 4 9 boot 1000 502298 5ccb71b9130c589f841d5d15f1fcc74f00a8423e2127d793ee124273b8b90a78 355,74,707,889,765,567,329,889,653,202,189,999
            toy_n683_anom239 683 0 239 dup 1000 342887 c91afb150ac7b8f019898535283942c39205aa20f304debf030f643cf79a7b3b 559,629,192,359,9,277,599,70,472,600,396,314
            toy_n683_anom239 683 0 239 boot 1000 481263 fb40b9fd72d3aa0557a048a84fe98c37a122b869318ab3554433cde1838797bc 845,999,824,997,999,914,455,60,24,160,364,295
            toy_n683_anom239 683 1 239 dup 1000 330777 1051c1a66cd15a0d01b7c3caaff1238d5f0b01f2a42e4fcb4a9e3d14ccff5cc9 37,235,72,645,144,129,583,508,390,281,178,276
            toy_n683_anom239 683 1 239 boot 1000 486968 3c0c54514793a8f24d3fc9ae71fa77ca3ebb3b0230ad516540123cd71674b5d0 346,83,922,410,371,948,55,7,958,739,159,847
            toy_n683_anom239 683 2 239 dup 1000 339116 35748a9349a31e83611031263bf22a75512b7dcb490677c91246cdd8c1803fee 168,527,493,584,534,299,466,75,360,263,674,433
            toy_n683_anom239 683 2 239 boot 1000 508220 ac94dc6d6cc6ca143e518b33267c963e85b52fe048d29b94953085c2d24b7f25 678,832,177,965,428,310,437,757,9,74,737,670
            toy_n683_anom239 683 3 239 dup 1000 348976 45071ec2fe7f1d4e2a9746c495fe407bf9e3b008e3f30063229186b4ad272dab 664,249,643,256,659,681,650,119,422,480,660,605
            toy_n683_anom239 683 3 239 boot 1000 512277 acfb04d47563fc18253b80dfdbc2a362d1dccff597dd6c90ed962e851479c57d 812,517,323,423,864,738,282,949,15,123,430,444
            toy_n683_anom239 683 4 239 dup 1000 336059 4b5be903e6c5e720f04157656f19b3c292a1b40123509b4f5cac521abdc388e6 122,174,439,360,599,456,393,58,109,606,313,676
            toy_n683_anom239 683 4 239 boot 1000 497585 1e2c3cd9465c428b34552f552a6c7f79c6cbe461e8aa95e041a67fb5c2920cd2 613,437,833,369,442,937,17,545,385,218,859,703
            toy_n3772_anom93 3772 0 93 boot 3772 7098105 190b4c5c87736242ff1c8627d30b432e19261c52c8a6578413921d08b0403b45 256,1905,3762,1316,1954,816,2435,1634,3626,973,368,2023
            toy_n3772_anom93 3772 1 93 boot 3772 7264857 4752d44c501c6945cccaee0bd792a825c93e2ae97b4eadeffec0763ccb76574c 461,1798,564,469,1478,1538,1612,2197,715,2311,2125,2760
            toy_n3772_anom93 3772 2 93 boot 3772 7333212 ad2234044f782118e3fa6883c5fcd266f9b74e75357848155223b23a1317062f 3098,1831,2799,1172,3059,406,187,2737,2916,2810,2815,2587
            toy_n3772_anom93 3772 3 93 boot 3772 7065325 eb109053931444d8d20d893a05cb17a415f44d7f6f59350c445b9f0c5a09db19 3383,267,3284,2954,368,1744,2124,836,3372,2092,1019,1299
            toy_n3772_anom93 3772 4 93 boot 3772 7190627 5b00c433bcbd76e45d2a112ffb8527f18c478d4a697fcd478a83893c5484307a 3563,1717,3734,748,3582,746,2833,2075,865,1852,2219,86
            toy_n95156_anom30 95156 0 30 sub 50000 2380543993 6c478eaf310bb9eb37edc6d2fea62c62281474c9313684c4f62b236d916eadf5 50873,48831,75846,68318,36996,72220,54895,59193,89255,369,92433,59120
            toy_n95156_anom30 95156 0 30 boot 50000 1248435158 9ae95e45c910124e18baadd300cb554e0e52272fec53d88103d1b13e4cdf74ae 49252,35642,41866,33311,29657,36949,44987,7009,18813,27689,20846,15097
            toy_n95156_anom30 95156 1 30 sub 50000 2374569533 3a898f6fbab0d2a234a1ffbbd6afa6019e2da37f83015f91d098891a547a98bb 51254,15936,65744,9306,22572,74176,42997,27648,14429,45709,48059,12426
            toy_n95156_anom30 95156 1 30 boot 50000 1243650911 bb2d5894d3038e0e1f8627e33ec69ba7e1ee59538b039aefa4b207956a2d2784 45593,24611,38045,32993,12702,6757,24809,21875,3460,41203,14519,45995
            toy_n95156_anom30 95156 2 30 sub 50000 2378227802 8782653f07b0ef80858b27bcbf0550d67ffe4ec66520f92306828c441cfd4cc7 48981,86835,93851,90354,34314,87849,13348,21175,29749,25303,65974,24585
            toy_n95156_anom30 95156 2 30 boot 50000 1250566303 b78b6a9b52c1003c627f5d79efa6c29d788372cadf1d6d15bd6ef8b684c9c496 39871,14978,46954,38914,1550,47048,35899,13605,8706,23264,47599,47065
            toy_n95156_anom30 95156 3 30 sub 50000 2381657841 ea2ff1b8f7ca76d37032b5bee26d8b3e799318df4387cafabeefc91c2a0173f1 28085,29665,39225,43434,86681,26599,65188,54322,48522,20180,57762,78419
            toy_n95156_anom30 95156 3 30 boot 50000 1250843393 d9ca2074e39a7eadc1d4b734dab4b47fce7c16e7ffce7befa5d8c7ddb41f54a2 7978,46509,18550,49937,5769,39825,9153,15112,14165,43696,39327,26594
            toy_n95156_anom30 95156 4 30 sub 50000 2377165823 5eadeea81275431bb8e7a30a15b15efe216e1a192dee184855de73669b7f0032 43694,86325,64757,28454,12739,74920,83323,94732,66865,84895,48384,50414
            toy_n95156_anom30 95156 4 30 boot 50000 1252527027 d6d66e6d163d4d3708175e99dd3d95d41dfdbe1d3fc2928aed40c57a9fd01503 32909,22558,22782,33851,23935,22348,17856,17821,46948,25151,35207,17173
            """;

    private static final int FIRST = 12;

    /** The protocol's draws for one case and seed, in order, keyed dup/sub/boot. */
    static Map<String, int[]> replay(int n, long seed, int permLen) {
        NumpyRandomState rs = new NumpyRandomState(seed);
        Map<String, int[]> draws = new LinkedHashMap<>();
        int m = n;
        if (n < 1000) {
            draws.put("dup", rs.choice(n, 1000, true));
            m = 1000;
        }
        if (n > 50000) {
            draws.put("sub", rs.choice(n, 50000, false));
            m = 50000;
        }
        int[] none = rs.choice(permLen, 0, false); // consumes a full permutation of permLen
        assertEquals(0, none.length);
        draws.put("boot", rs.choice(m, m, true));
        return draws;
    }

    static String sha256Int64Le(int[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            buf.putLong(v);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buf.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private record Expected(String name, int n, long seed, int permLen, String draw, int length, long sum,
            String sha256, long[] first) {
        String label() {
            return name + " seed " + seed + " " + draw;
        }
    }

    private static List<Expected> table() {
        List<Expected> rows = new ArrayList<>();
        for (String line : FIXTURES.strip().split("\\R")) {
            String[] f = line.trim().split(" ");
            long[] first = Arrays.stream(f[8].split(",")).mapToLong(Long::parseLong).toArray();
            rows.add(new Expected(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]),
                    f[4], Integer.parseInt(f[5]), Long.parseLong(f[6]), f[7], first));
        }
        return rows;
    }

    private static void check(Expected e, int[] actual) {
        assertEquals(e.length(), actual.length, e.label() + ": length");
        long[] first = Arrays.stream(Arrays.copyOf(actual, Math.min(FIRST, actual.length))).asLongStream()
                .toArray();
        assertArrayEquals(e.first(), first, e.label() + ": first values");
        assertEquals(e.sum(), Arrays.stream(actual).asLongStream().sum(), e.label() + ": sum");
        assertEquals(e.sha256(), sha256Int64Le(actual), e.label() + ": sha256");
    }

    @Test
    void everyFixtureDrawMatchesNumpy() {
        List<Expected> rows = table();
        assertEquals(45, rows.size(), "25 case/seed pairs: 15 dup+boot, 5 boot only, 5 sub+boot");
        for (Expected e : rows) {
            Map<String, int[]> draws = replay(e.n(), e.seed(), e.permLen());
            assertTrue(draws.containsKey(e.draw()), e.label() + ": draw not made by the protocol");
            check(e, draws.get(e.draw()));
        }
    }

    @Test
    void theZeroSizeChoiceMatters() {
        // Without the permutation consumed by choice(perm_len, 0, replace=False), boot would differ.
        Expected boot = table().stream().filter(e -> e.draw().equals("boot")).findFirst().orElseThrow();
        NumpyRandomState rs = new NumpyRandomState(boot.seed());
        rs.choice(boot.n(), 1000, true);
        int[] skipped = rs.choice(1000, 1000, true);
        assertFalse(Arrays.equals(boot.first(),
                Arrays.stream(Arrays.copyOf(skipped, FIRST)).asLongStream().toArray()));
    }

    /**
     * Checks the JSON file itself when {@code -Ddtad.reference.dir=...} names the folder holding it (the POM's
     * default is {@code ../shared/reference}); skipped otherwise, or failing when required ({@link SharedData}).
     */
    @Test
    void referenceFileMatchesWhenAvailable() throws IOException {
        Path file = SharedData.referenceFile("numpy_legacy_rng_fixtures.json");
        JsonNode cases = new ObjectMapper().readTree(file.toFile()).get("cases");
        assertTrue(cases.size() > 0, "no cases in " + file);
        int checked = 0;
        for (JsonNode c : cases) {
            int n = c.get("n").asInt();
            long seed = c.get("seed").asLong();
            int permLen = c.get("perm_len").asInt();
            Map<String, int[]> draws = replay(n, seed, permLen);
            for (String draw : List.of("dup", "sub", "boot")) {
                JsonNode x = c.get(draw);
                assertEquals(x != null, draws.containsKey(draw), c.get("case").asText() + " seed " + seed
                        + ": presence of " + draw);
                if (x == null) {
                    continue;
                }
                long[] first = new long[x.get("first").size()];
                for (int i = 0; i < first.length; i++) {
                    first[i] = x.get("first").get(i).asLong();
                }
                check(new Expected(c.get("case").asText(), n, seed, permLen, draw, x.get("n").asInt(),
                        x.get("sum").asLong(), x.get("sha256_int64_le").asText(), first), draws.get(draw));
                checked++;
            }
        }
        assertTrue(checked >= cases.size());
    }
}
