"""The span model's heads. Module and parameter names match the published state dicts.

Shapes use H for the encoder's hidden size, L for words, W for span widths, Q for
queries (one per label/field and instance) and T for count steps.
"""

from __future__ import annotations

from typing import Optional

import torch
import torch.nn.functional as F
from torch import nn

MAX_COUNT = 20


def mlp(input_dim: int, hidden_dim: int, output_dim: int) -> nn.Sequential:
    """Linear -> ReLU -> Linear; keys ``.0`` and ``.2`` as in the checkpoints."""
    return nn.Sequential(nn.Linear(input_dim, hidden_dim), nn.ReLU(), nn.Linear(hidden_dim, output_dim))


def projection(input_dim: int, output_dim: int, dropout: float) -> nn.Sequential:
    """Linear(in, 4*out) -> ReLU -> Dropout -> Linear(4*out, out); keys ``.0`` and ``.3``."""
    return nn.Sequential(
        nn.Linear(input_dim, output_dim * 4), nn.ReLU(), nn.Dropout(dropout), nn.Linear(output_dim * 4, output_dim)
    )


class SpanMarkerV0(nn.Module):
    """Span (start word, width) representations, scored against query vectors.

    A span's vector is ``out_project(relu(cat(project_start(h_s), project_end(h_e))))``.
    We never build the [L, W, H] span tensor: the first ``out_project`` linear splits
    into start and end halves computed once per word, and the last linear folds into
    the queries (q . (W2 x + b2) = (q W2) . x + q . b2). Same numbers, far less work.
    """

    def __init__(self, hidden_size: int, max_width: int, dropout: float = 0.1):
        super().__init__()
        self.max_width = max_width
        self.project_start = projection(hidden_size, hidden_size, dropout)
        self.project_end = projection(hidden_size, hidden_size, dropout)
        self.out_project = projection(hidden_size * 2, hidden_size, dropout)

    def score_queries(self, words: torch.Tensor, queries: torch.Tensor, word_counts: torch.Tensor) -> torch.Tensor:
        """Span logits [B, Q, L, W] for words [B, L, H], queries [B, Q, H]; invalid spans are -inf."""
        batch, length, hidden = words.shape
        first, dropout, last = self.out_project[0], self.out_project[2], self.out_project[3]
        start_hidden = F.linear(self.project_start(words).relu(), first.weight[:, :hidden])
        end_hidden = F.linear(self.project_end(words).relu(), first.weight[:, hidden:])
        # Span (s, w) ends at word s + w: a sliding window over the end projections.
        end_windows = F.pad(end_hidden, (0, 0, 0, self.max_width - 1)).unfold(1, self.max_width, 1)
        spans = (start_hidden.unsqueeze(2) + end_windows.permute(0, 1, 3, 2) + first.bias).relu()
        spans = dropout(spans.reshape(batch, length * self.max_width, -1))
        folded = torch.matmul(queries, last.weight)  # [B, Q, 4H]
        bias = torch.matmul(queries, last.bias)  # [B, Q]
        logits = torch.baddbmm(bias[:, None, :], spans, folded.transpose(1, 2))
        logits = logits.transpose(1, 2).reshape(batch, queries.shape[1], length, self.max_width)
        ends = torch.arange(length, device=words.device)[:, None] + torch.arange(self.max_width, device=words.device)
        valid = ends[None] < word_counts[:, None, None]
        return logits.masked_fill(~valid[:, None], float("-inf"))


class SpanRepLayer(nn.Module):
    """Wrapper kept for the ``span_rep.span_rep_layer.*`` key prefix."""

    def __init__(self, hidden_size: int, max_width: int, dropout: float = 0.1):
        super().__init__()
        self.span_rep_layer = SpanMarkerV0(hidden_size, max_width, dropout)

    def score_queries(self, words: torch.Tensor, queries: torch.Tensor, word_counts: torch.Tensor) -> torch.Tensor:
        return self.span_rep_layer.score_queries(words, queries, word_counts)


class CountLSTM(nn.Module):
    """Occurrence-indexed queries: a GRU over count steps starting from each field vector,
    then an MLP over (GRU state, field vector). Used by gliner2-large-v1 and -multi-v1."""

    def __init__(self, hidden_size: int, max_count: int = MAX_COUNT):
        super().__init__()
        self.max_count = max_count
        self.pos_embedding = nn.Embedding(max_count, hidden_size)
        self.gru = nn.GRU(hidden_size, hidden_size)
        self.projector = mlp(hidden_size * 2, hidden_size * 4, hidden_size)

    def run_gru(self, fields: torch.Tensor, steps: int) -> torch.Tensor:
        """GRU states [T, M, H] for fields [M, H]; every field column is independent."""
        steps = min(steps, self.max_count)
        positions = self.pos_embedding.weight[:steps].unsqueeze(1).expand(-1, fields.shape[0], -1)
        states, _ = self.gru(positions.contiguous(), fields.unsqueeze(0).contiguous())
        return states

    def forward(self, fields: torch.Tensor, steps: int, groups: Optional[torch.Tensor] = None) -> torch.Tensor:
        """Queries [T, M, H]. ``groups`` (task id per field) matters only to the v2 layer."""
        states = self.run_gru(fields, steps)
        return self.projector(torch.cat([states, fields.unsqueeze(0).expand_as(states)], dim=-1))


class DownscaledTransformer(nn.Module):
    """A 2-layer, 128-wide transformer across the fields of one task at each count step."""

    def __init__(self, input_size: int, hidden_size: int = 128, num_heads: int = 4, num_layers: int = 2):
        super().__init__()
        self.in_projector = nn.Linear(input_size, hidden_size)
        layer = nn.TransformerEncoderLayer(
            d_model=hidden_size, nhead=num_heads, dim_feedforward=hidden_size * 2, dropout=0.1, batch_first=True
        )
        self.transformer = nn.TransformerEncoder(layer, num_layers=num_layers, enable_nested_tensor=False)
        self.out_projector = nn.Sequential(
            nn.Linear(hidden_size + input_size, input_size),
            nn.ReLU(),
            nn.Linear(input_size, input_size),
            nn.ReLU(),
            nn.Linear(input_size, input_size),
        )

    def forward(self, x: torch.Tensor, padding_mask: Optional[torch.Tensor] = None) -> torch.Tensor:
        """x [N, M, H] -> [N, M, H]; attention runs over M, ``padding_mask`` [N, M] marks padding."""
        hidden = self.transformer(self.in_projector(x), src_key_padding_mask=padding_mask)
        return self.out_projector(torch.cat([hidden, x], dim=-1))


class CountLSTMv2(CountLSTM):
    """Like CountLSTM, with the small transformer in place of the MLP. Used by gliner2-base-v1."""

    def __init__(self, hidden_size: int, max_count: int = MAX_COUNT):
        nn.Module.__init__(self)
        self.max_count = max_count
        self.pos_embedding = nn.Embedding(max_count, hidden_size)
        self.gru = nn.GRU(hidden_size, hidden_size)
        self.transformer = DownscaledTransformer(hidden_size)

    def forward(self, fields: torch.Tensor, steps: int, groups: Optional[torch.Tensor] = None) -> torch.Tensor:
        states = self.run_gru(fields, steps) + fields.unsqueeze(0)
        if groups is None:
            return self.transformer(states)
        # Fields of different tasks must not attend to each other: regroup the
        # concatenated fields into [T * tasks, max fields, H] with a padding mask.
        steps_taken, _, hidden = states.shape
        num_groups = int(groups.max()) + 1
        sizes = torch.bincount(groups, minlength=num_groups)
        width = int(sizes.max())
        slot = torch.arange(len(groups), device=groups.device) - torch.cumsum(sizes, 0)[groups] + sizes[groups]
        packed = states.new_zeros(steps_taken, num_groups, width, hidden)
        packed[:, groups, slot] = states
        padding = torch.ones(num_groups, width, dtype=torch.bool, device=states.device)
        padding[groups, slot] = False
        out = self.transformer(
            packed.reshape(steps_taken * num_groups, width, hidden),
            padding.repeat(steps_taken, 1),
        )
        return out.reshape(steps_taken, num_groups, width, hidden)[:, groups, slot]


COUNT_LAYERS = {"count_lstm": CountLSTM, "count_lstm_v2": CountLSTMv2}
