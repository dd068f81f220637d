# Reference values for dtad's networks, computed once with PyTorch and committed as the fixtures of
# dtad-torch's *ReferenceTest (dtad-torch/src/test/resources/reference/); not part of the build.
# Usage (Debian's python3-torch and python3-numpy; python3-torch 1.13.1+dfsg, reporting
# torch 1.13.0a0, and numpy 1.24.2 made the committed files):
#   /usr/bin/python3 docs/reference/network_fixtures.py dtad-torch/src/test/resources/reference
#
# Each network is re-implemented here from its reference's definition, independently of dtad's Java code:
#   - DTE-C / DTE-IG / DTE-G: the MLP of diffusion/dte.py (Livernoche et al., ICLR 2024): Linear layers,
#     ReLU after every hidden layer, Dropout after every hidden layer but the first, linear output; the
#     three losses (cross-entropy of the logits or, as published, of their softmax; the inverse-Gamma
#     negative log-likelihood; MSE of the predicted diffusion time).
#   - DDPM: diffusion/ddpm.py's ResNetDiffusion (the rtdl tabular ResNet with TabDDPM's time embedding),
#     trained by noise prediction, and the reverse chain p_sample of the reconstruction score (no sampling
#     noise, as the reference's code).
#   - DiT: Peebles & Xie's DiT (models.py): TimestepEmbedder, DiTBlock with adaLN-Zero modulation,
#     timm-style Attention and Mlp, FinalLayer, fixed 1-D sin-cos positions, over tokens of `patch` row values.
#     One deliberate difference, documented in dtad's DiffusionTransformer: DiT's Mlp uses
#     GELU(approximate="tanh"), dtad the exact erf GELU. The fixtures use the exact form (GELU_APPROXIMATE
#     below); the script prints how far the tanh form moves the outputs.
# The schedule (betas linspace(1e-4, 1e-2, T), alphas_cumprod) is computed in float32 with torch, as the
# references do; dtad computes it in float64 and rounds each constant to float32 once.
#
# Weights are small deterministic values from numpy's default_rng(2024) (not the networks' own
# initialisation, which dtad draws differently), stored flat in dtad's ParameterLayout order (trainable
# tensors, then buffers); a flat vector is float32. One optimiser step is torch.optim.Adam with dtad's
# defaults for these networks (lr 1e-4, betas (0.9, 0.999), eps 1e-8, L2 weight decay 5e-4). Dropout is 0
# in every training computation so that the comparison is exact (dtad draws its masks in Java).
import math
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.set_default_dtype(torch.float32)
OUT = sys.argv[1] if len(sys.argv) > 1 else "."
RNG = np.random.default_rng(2024)
N, D = 8, 5  # rows, features
LR, WEIGHT_DECAY = 1e-4, 5e-4
GELU_APPROXIMATE = "none"


def save(name, array):
    np.save(os.path.join(OUT, name + ".npy"), np.ascontiguousarray(np.asarray(array, dtype=np.float32)))


def schedule(steps):
    betas = torch.linspace(1e-4, 1e-2, steps)
    alphas = 1.0 - betas
    return betas, alphas, torch.cumprod(alphas, dim=0)


def fill(module_tensors, scale=1.0):
    """Draws every tensor uniform in +-scale/sqrt(fan_in) (1-D tensors: the fan-in of their layer)."""
    with torch.no_grad():
        for t, fan_in in module_tensors:
            bound = scale / math.sqrt(fan_in)
            t.copy_(torch.from_numpy(RNG.uniform(-bound, bound, size=tuple(t.shape)).astype(np.float32)))


def linear_tensors(layer):
    return [(layer.weight, layer.in_features), (layer.bias, layer.in_features)]


def flat(tensors):
    return torch.cat([t.detach().reshape(-1) for t in tensors]).numpy()


def adam_step(params, loss):
    """Gradient (flat) and the weights after one torch.optim.Adam step."""
    optimiser = torch.optim.Adam(params, lr=LR, betas=(0.9, 0.999), eps=1e-8, weight_decay=WEIGHT_DECAY)
    optimiser.zero_grad()
    loss.backward()
    gradient = flat([p.grad for p in params])
    optimiser.step()
    return gradient, flat(params)


# ---------------------------------------------------------------------------------------------- DTE
class DteMlp(nn.Module):
    """dte.py's MLP: Linear, ReLU (+ Dropout after hidden layers 2..k), linear output."""

    def __init__(self, inputs, hidden, outputs, dropout):
        super().__init__()
        sizes = [inputs] + hidden
        layers = []
        for i in range(len(hidden)):
            layers.append(nn.Linear(sizes[i], sizes[i + 1]))
            layers.append(nn.ReLU())
            if i > 0:
                layers.append(nn.Dropout(dropout))
        layers.append(nn.Linear(sizes[-1], outputs))
        self.net = nn.Sequential(*layers)

    def linears(self):
        return [m for m in self.net if isinstance(m, nn.Linear)]

    def forward(self, x):
        return self.net(x)


def dte_fixtures():
    steps, bins, hidden = 400, 7, [8, 16, 8]
    _, _, abar = schedule(steps)
    x0 = torch.from_numpy(RNG.standard_normal((N, D)).astype(np.float32))
    times = torch.from_numpy(RNG.integers(0, steps, size=N)).long()
    eps = torch.from_numpy(RNG.standard_normal((N, D)).astype(np.float32))
    variance = 1 - abar[times]
    # Variance-only noising, as DTE's forward_noise(drift=False).
    xt = x0 + torch.sqrt(variance).view(-1, 1) * eps
    save("dte_noised", xt)
    save("dte_times", times.numpy())
    targets = torch.clamp(torch.floor(times * bins / steps).long(), 0, bins - 1)
    cases = {
        "dtec": (bins, lambda out: F.cross_entropy(out, targets)),
        "dtec_reference": (bins, lambda out: F.cross_entropy(torch.softmax(out, dim=1), targets)),
        "dteig": (1, lambda u: -((D / 2 - 1) * torch.log(u ** 2 + 1e-5) - u ** 2 / variance.view(-1, 1)).mean()),
        "dteg": (1, lambda out: F.mse_loss(out, times.float().view(-1, 1))),
    }
    for name, (outputs, loss_of) in cases.items():
        torch.manual_seed(0)
        net = DteMlp(D, hidden, outputs, dropout=0.0)
        params = [t for layer in net.linears() for t in (layer.weight, layer.bias)]
        fill([t for layer in net.linears() for t in linear_tensors(layer)], scale=1.5)
        save(name + "_weights", flat(params))
        net.eval()
        with torch.no_grad():
            out = net(xt)
        save(name + "_forward", out)
        if name == "dtec":
            save("dtec_expected_bin", (torch.softmax(out, 1) * torch.arange(bins).float()).sum(1))
        net.train()
        loss = loss_of(net(xt))
        print(f"{name} loss {loss.item()!r}")
        gradient, after = adam_step(params, loss)
        save(name + "_gradient", gradient)
        save(name + "_after_step", after)


# --------------------------------------------------------------------------------------------- DDPM
def timestep_embedding(t, dim, max_period=10000):
    """TabDDPM's / DiT's sinusoidal embedding: cosines, then sines (a zero column when dim is odd)."""
    half = dim // 2
    freqs = torch.exp(-math.log(max_period) * torch.arange(start=0, end=half, dtype=torch.float32) / half)
    args = t[:, None].float() * freqs[None]
    embedding = torch.cat([torch.cos(args), torch.sin(args)], dim=-1)
    if dim % 2:
        embedding = torch.cat([embedding, torch.zeros_like(embedding[:, :1])], dim=-1)
    return embedding


class ResNetBlock(nn.Module):
    """rtdl's ResNet.Block: x + Dropout(Linear(Dropout(ReLU(Linear(BatchNorm(x))))))."""

    def __init__(self, width, block_width, dropout_first, dropout_second):
        super().__init__()
        self.normalization = nn.BatchNorm1d(width)
        self.linear_first = nn.Linear(width, block_width)
        self.activation = nn.ReLU()
        self.dropout_first = nn.Dropout(dropout_first)
        self.linear_second = nn.Linear(block_width, width)
        self.dropout_second = nn.Dropout(dropout_second)

    def forward(self, x):
        z = self.dropout_first(self.activation(self.linear_first(self.normalization(x))))
        return x + self.dropout_second(self.linear_second(z))


class ResNet(nn.Module):
    """rtdl's ResNet.make_baseline with TabDDPM's time input: first_layer(x) + mlp(emb), blocks, head."""

    def __init__(self, d, width, block_width, blocks, emb_d):
        super().__init__()
        self.first_layer = nn.Linear(d, width)
        self.blocks = nn.Sequential(*[ResNetBlock(width, block_width, 0.0, 0.0) for _ in range(blocks)])
        self.head_normalization = nn.BatchNorm1d(width)
        self.head_linear = nn.Linear(width, d)
        self.mlp = nn.Sequential(nn.SiLU(), nn.Linear(emb_d, width))

    def forward(self, x, emb):
        x = self.first_layer(x) + self.mlp(emb)
        x = self.blocks(x)
        return self.head_linear(F.relu(self.head_normalization(x)))


class ResNetDiffusion(nn.Module):
    """ddpm.py's ResNetDiffusion: time_embed(timestep_embedding(t)) conditions the ResNet."""

    def __init__(self, d, width, block_width, blocks, dim_t):
        super().__init__()
        self.dim_t = dim_t
        self.resnet = ResNet(d, width, block_width, blocks, dim_t)
        self.time_embed = nn.Sequential(nn.Linear(dim_t, dim_t), nn.SiLU(), nn.Linear(dim_t, dim_t))

    def forward(self, x, t):
        return self.resnet(x, self.time_embed(timestep_embedding(t, self.dim_t)))

    def layout(self):
        """Trainable tensors, then buffers, in dtad's TabularResNet order."""
        r = self.resnet
        params = [r.first_layer.weight, r.first_layer.bias]
        for b in r.blocks:
            params += [b.normalization.weight, b.normalization.bias, b.linear_first.weight, b.linear_first.bias,
                       b.linear_second.weight, b.linear_second.bias]
        params += [r.head_normalization.weight, r.head_normalization.bias, r.head_linear.weight, r.head_linear.bias,
                   r.mlp[1].weight, r.mlp[1].bias, self.time_embed[0].weight, self.time_embed[0].bias,
                   self.time_embed[2].weight, self.time_embed[2].bias]
        norms = [b.normalization for b in r.blocks] + [r.head_normalization]
        buffers = [t for n in norms for t in (n.running_mean, n.running_var)]
        return params, norms, buffers


def fill_resnet(net):
    r = net.resnet
    linears = [r.first_layer, r.head_linear, r.mlp[1], net.time_embed[0], net.time_embed[2]]
    for b in r.blocks:
        linears += [b.linear_first, b.linear_second]
    fill([t for layer in linears for t in linear_tensors(layer)], scale=1.5)
    _, norms, _ = net.layout()
    with torch.no_grad():
        for n in norms:
            w = n.num_features
            n.weight.copy_(torch.from_numpy(RNG.uniform(0.7, 1.3, w).astype(np.float32)))
            n.bias.copy_(torch.from_numpy(RNG.uniform(-0.2, 0.2, w).astype(np.float32)))
            n.running_mean.copy_(torch.from_numpy(RNG.uniform(-0.5, 0.5, w).astype(np.float32)))
            n.running_var.copy_(torch.from_numpy(RNG.uniform(0.5, 1.5, w).astype(np.float32)))


# ---------------------------------------------------------------------------------------------- DiT
def modulate(x, shift, scale):
    return x * (1 + scale.unsqueeze(1)) + shift.unsqueeze(1)


class Attention(nn.Module):
    """timm's Attention as DiT uses it: fused qkv with bias, softmax(q k^T * scale) v, projection."""

    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.scale = (dim // heads) ** -0.5
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        b, n, c = x.shape
        qkv = self.qkv(x).reshape(b, n, 3, self.heads, c // self.heads).permute(2, 0, 3, 1, 4)
        q, k, v = qkv.unbind(0)
        attn = ((q * self.scale) @ k.transpose(-2, -1)).softmax(dim=-1)
        return self.proj((attn @ v).transpose(1, 2).reshape(b, n, c))


class Mlp(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x), approximate=GELU_APPROXIMATE))


class DiTBlock(nn.Module):
    def __init__(self, hidden, heads, mlp_ratio):
        super().__init__()
        self.norm1 = nn.LayerNorm(hidden, elementwise_affine=False, eps=1e-6)
        self.attn = Attention(hidden, heads)
        self.norm2 = nn.LayerNorm(hidden, elementwise_affine=False, eps=1e-6)
        self.mlp = Mlp(hidden, hidden * mlp_ratio)
        self.adaLN_modulation = nn.Sequential(nn.SiLU(), nn.Linear(hidden, 6 * hidden))

    def forward(self, x, c):
        shift_msa, scale_msa, gate_msa, shift_mlp, scale_mlp, gate_mlp = self.adaLN_modulation(c).chunk(6, dim=1)
        x = x + gate_msa.unsqueeze(1) * self.attn(modulate(self.norm1(x), shift_msa, scale_msa))
        return x + gate_mlp.unsqueeze(1) * self.mlp(modulate(self.norm2(x), shift_mlp, scale_mlp))


def sincos_1d(dim, positions):
    """DiT's get_1d_sincos_pos_embed_from_grid: sines, then cosines."""
    omega = 1.0 / 10000 ** (np.arange(dim // 2, dtype=np.float64) / (dim / 2.0))
    out = np.einsum("m,d->md", np.arange(positions, dtype=np.float64), omega)
    return np.concatenate([np.sin(out), np.cos(out)], axis=1)


class TabularDiT(nn.Module):
    """DiT over rows cut into tokens of `patch` values (zero-padded), predicting the noise of each value."""

    def __init__(self, d, patch, hidden, depth, heads, mlp_ratio, dim_t):
        super().__init__()
        self.d, self.patch, self.dim_t = d, patch, dim_t
        self.tokens = -(-d // patch)
        self.x_embedder = nn.Linear(patch, hidden)
        self.t_embedder = nn.Sequential(nn.Linear(dim_t, hidden), nn.SiLU(), nn.Linear(hidden, hidden))
        self.register_buffer("pos_embed", torch.from_numpy(sincos_1d(hidden, self.tokens)).float().unsqueeze(0))
        self.blocks = nn.ModuleList([DiTBlock(hidden, heads, mlp_ratio) for _ in range(depth)])
        self.norm_final = nn.LayerNorm(hidden, elementwise_affine=False, eps=1e-6)
        self.final_adaLN = nn.Sequential(nn.SiLU(), nn.Linear(hidden, 2 * hidden))
        self.final_linear = nn.Linear(hidden, patch)

    def forward(self, x, t):
        n = x.shape[0]
        padded = F.pad(x, (0, self.tokens * self.patch - self.d))
        h = self.x_embedder(padded.reshape(n, self.tokens, self.patch)) + self.pos_embed
        c = self.t_embedder(timestep_embedding(t, self.dim_t))
        for block in self.blocks:
            h = block(h, c)
        shift, scale = self.final_adaLN(c).chunk(2, dim=1)
        out = self.final_linear(modulate(self.norm_final(h), shift, scale))
        return out.reshape(n, self.tokens * self.patch)[:, :self.d]

    def linears(self):
        """Every linear layer in dtad's DiffusionTransformer order."""
        out = [self.x_embedder, self.t_embedder[0], self.t_embedder[2]]
        for b in self.blocks:
            out += [b.adaLN_modulation[1], b.attn.qkv, b.attn.proj, b.mlp.fc1, b.mlp.fc2]
        return out + [self.final_adaLN[1], self.final_linear]


# ---------------------------------------------------------------------------------- reconstruction
def reverse_chain(model, x, start, steps):
    """ddpm.py's reconstruction: p_sample from t = start-1 down to 0, the posterior mean (no noise)."""
    betas, alphas, abar = schedule(steps)
    for t in reversed(range(start)):
        tt = torch.full((x.shape[0],), t, dtype=torch.long)
        eps = model(x, tt)
        x = torch.sqrt(1.0 / alphas[t]) * (x - betas[t] * eps / torch.sqrt(1 - abar[t]))
    return x


def reverse_chain_exact_schedule(model, x, start, steps):
    """The same chain with each constant computed in float64 and rounded to float32 once, as dtad does.

    The reference's float32 1 - alphas_cumprod loses digits at small t (alphas_cumprod is within 1e-3 of 1
    there): its sqrt(1 - alphas_cumprod[t]) is off by up to about 3e-4 relative at t = 0, which moves the
    reconstruction errors from rec_t = 5 by about 1e-4 relative. Both chains are fixtures."""
    betas = np.linspace(1e-4, 1e-2, steps, dtype=np.float64)
    abar = np.cumprod(1 - betas)
    for t in reversed(range(start)):
        tt = torch.full((x.shape[0],), t, dtype=torch.long)
        eps = model(x, tt)
        coefficient = np.float32(betas[t] / math.sqrt(1 - abar[t]))
        x = (x - eps * float(coefficient)) * float(np.float32(1 / math.sqrt(1 - betas[t])))
    return x


def reconstruction_fixtures(name, model, params, buffers, scale_extra=None):
    steps, start = 1000, 5
    _, _, abar = schedule(steps)
    x0 = torch.from_numpy(RNG.standard_normal((N, D)).astype(np.float32))
    times = torch.from_numpy(RNG.integers(0, steps, size=N)).long()
    eps = torch.from_numpy(RNG.standard_normal((N, D)).astype(np.float32))
    save(name + "_rows", x0)
    save(name + "_times", times.numpy())
    save(name + "_noise", eps)
    save(name + "_weights", flat(params))
    if buffers:
        save(name + "_buffers", flat(buffers))
    # Mean-and-variance noising, as DDPM's q_sample.
    xt = torch.sqrt(abar[times]).view(-1, 1) * x0 + torch.sqrt(1 - abar[times]).view(-1, 1) * eps
    save(name + "_noised", xt)
    model.eval()
    with torch.no_grad():
        save(name + "_forward", model(xt, times))
        rebuilt = reverse_chain(model, x0.clone(), start, steps)
        save(name + "_chain_scores", ((x0 - rebuilt) ** 2).mean(dim=1))
        rebuilt = reverse_chain_exact_schedule(model, x0.clone(), start, steps)
        save(name + "_chain_scores_exact_schedule", ((x0 - rebuilt) ** 2).mean(dim=1))
    model.train()
    loss = F.mse_loss(model(xt, times), eps)
    print(f"{name} loss {loss.item()!r}")
    gradient, after = adam_step(params, loss)
    save(name + "_gradient", gradient)
    save(name + "_after_step", after)
    if buffers:
        save(name + "_buffers_after_step", flat(buffers))
    return xt, times


def main():
    os.makedirs(OUT, exist_ok=True)
    dte_fixtures()

    ddpm = ResNetDiffusion(D, width=8, block_width=16, blocks=2, dim_t=6)
    fill_resnet(ddpm)
    params, _, buffers = ddpm.layout()
    reconstruction_fixtures("ddpm", ddpm, params, buffers)

    global GELU_APPROXIMATE
    dit = TabularDiT(D, patch=2, hidden=8, depth=2, heads=2, mlp_ratio=2, dim_t=6)
    fill([t for layer in dit.linears() for t in linear_tensors(layer)], scale=1.5)
    params = [t for layer in dit.linears() for t in (layer.weight, layer.bias)]
    initial = [p.detach().clone() for p in params]
    xt, times = reconstruction_fixtures("dit", dit, params, [])
    # How far DiT's own tanh GELU would move the outputs (reported, not a fixture).
    with torch.no_grad():
        for p, v in zip(params, initial):
            p.copy_(v)
        dit.eval()
        exact = dit(xt, times)
        GELU_APPROXIMATE = "tanh"
        tanh = dit(xt, times)
        GELU_APPROXIMATE = "none"
    print(f"dit: tanh GELU moves the forward output by at most {(exact - tanh).abs().max().item():.3g} "
          f"(outputs up to {exact.abs().max().item():.3g})")


if __name__ == "__main__":
    main()
