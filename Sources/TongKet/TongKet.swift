// One import for a Swift program: reading exports, the figures, charts as specs and scenes,
// the renderer, atomic output and the conference pack.
@_exported import TongKetAnalytics
@_exported import TongKetCairo
@_exported import TongKetCharts
@_exported import TongKetData
@_exported import TongKetOutput
@_exported import TongKetReport
