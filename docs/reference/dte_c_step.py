# The reference's DTE-C training step, timed (a measurement aid for docs/benchmarks.md, not part of the
# build): diffusion/dte.py's DTECategorical as the paper ran it (MLP d-256-512-256-bins, dropout after the
# 2nd and 3rd hidden layers, softmax in the network, CrossEntropyLoss on its output, Adam lr 1e-4 with
# weight decay 5e-4, DataLoader batch 64 shuffled), d = 50, on 1,840 Gaussian rows (thyroid's count).
# Usage: python3 dte_c_step.py [torch threads=1] [repeats=5]; each repeat times 5 epochs (145 steps).
# Debian's python3-torch uses OpenBLAS: OPENBLAS_NUM_THREADS=1 keeps its pool from fighting torch's, and
# OPENBLAS_CORETYPE picks its kernels (SkylakeX was the fastest on an AMD Zen 5).
import time, sys, torch
torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
d, T, bins = 50, 400, 7
betas = torch.linspace(1e-4, 1e-2, T); abar = torch.cumprod(1 - betas, 0); s2 = 1 - abar
net = torch.nn.Sequential(torch.nn.Linear(d,256), torch.nn.ReLU(), torch.nn.Linear(256,512), torch.nn.ReLU(),
    torch.nn.Dropout(0.5), torch.nn.Linear(512,256), torch.nn.ReLU(), torch.nn.Dropout(0.5), torch.nn.Linear(256,bins),
    torch.nn.Softmax(dim=1))
opt = torch.optim.Adam(net.parameters(), lr=1e-4, weight_decay=5e-4)
ce = torch.nn.CrossEntropyLoss()
X = torch.randn(1840, d)
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X), batch_size=64, shuffle=True)
def epoch():
    n = 0
    for (x,) in loader:
        t = torch.randint(0, T, (x.shape[0],)).long()
        noise = torch.randn_like(x)
        xt = x + torch.sqrt(s2[t]).view(-1,1) * noise
        target = torch.clamp((t * bins / T).floor().long(), 0, bins-1)
        loss = ce(net(xt), target)
        opt.zero_grad(); loss.backward(); opt.step(); n += 1
    return n
for _ in range(3): epoch()
res = []
for r in range(int(sys.argv[2]) if len(sys.argv) > 2 else 5):
    w = time.perf_counter(); c = time.process_time(); n = 0
    for _ in range(5): n += epoch()
    res.append(((time.perf_counter()-w)/n*1e3, (time.process_time()-c)/n*1e3))
res.sort()
print("ms/step wall median %.2f best %.2f | cpu median %.2f" % (res[len(res)//2][0], res[0][0], sorted(r[1] for r in res)[len(res)//2]))
