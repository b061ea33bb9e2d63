using Plotly.Blazor;

namespace ConcurrencyLab.Gateway.Lab.Charts;

/// <summary>What one chart draws: its traces and its layout, built from a report.</summary>
public sealed record ChartFigure(IList<ITrace> Data, Layout Layout);
