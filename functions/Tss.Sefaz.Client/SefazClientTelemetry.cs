namespace Tss.Sefaz.Client;

/// <summary>Names to subscribe to SEFAZ call telemetry (OpenTelemetry <c>AddSource</c>/<c>AddMeter</c>).</summary>
public static class SefazClientTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = Internal.SefazTelemetry.Name;
}
