"""The house style of every chart: the CJK font stack first (a downloaded PNG renders Chinese
as the page does) and the colours."""

from __future__ import annotations

CJK_FONT = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", '
    '"Hiragino Sans GB", sans-serif'
)
NAVY, NAVY_LIGHT, RED, GREY, GRID = "#12355b", "#5b7fa6", "#b71c1c", "#5b6675", "#e3e8ee"
PALETTE = (NAVY, "#c8811a", "#2e7d4f", "#7b4f9d", "#5b7fa6", RED, "#3d8c9e", "#8a6d3b")
