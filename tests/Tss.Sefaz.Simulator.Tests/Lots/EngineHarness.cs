using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Tss.Sefaz.Simulator;
using Tss.Sefaz.Simulator.Authorizations;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Faults;
using Tss.Sefaz.Simulator.Lots;

namespace Tss.Sefaz.Simulator.Tests.Lots;

/// <summary>A lot engine on a fake clock with its real in-memory stores.</summary>
internal sealed class EngineHarness
{
    public const string Transmitter = "11222333000181";

    public EngineHarness(Action<SimulatorOptions>? configure = null)
    {
        configure?.Invoke(Options);
        Engine = new LotEngine(Options, Time, Authorizations, Faults, new NumberSequences());
    }

    public SimulatorOptions Options { get; } = new() { TMedSeconds = 1, MinPollInterval = TimeSpan.FromSeconds(1) };
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 11, 3, 12, 0, 0, TimeSpan.Zero));
    public AuthorizationStore Authorizations { get; } = new();
    public FaultRegistry Faults { get; } = new();
    public LotEngine Engine { get; }

    /// <summary>A key-shaped chNFe for number <paramref name="nNF"/> (the engine does not check the DV; the services do).</summary>
    public static string Key(int nNF, int cNF = 12345678, string cnpj = "11222333000181") =>
        string.Create(CultureInfo.InvariantCulture, $"352511{cnpj}55001{nNF:000000000}1{cNF:00000000}0");

    public static LotDocument Document(int nNF, int cNF = 12345678, string digVal = "q83vEjRWeJq83vEjRWeJq83vEjQ=", int tpAmb = 2, int mod = 55)
    {
        var key = Key(nNF, cNF);
        return new LotDocument(key, string.Concat(key.AsSpan(0, 2), key.AsSpan(6, 28)), tpAmb, mod, digVal);
    }

    public LotReceipt Send(bool indSinc, params LotDocument[] documents) =>
        Engine.Receive(new LotSubmission("1", indSinc, Transmitter, 35, documents));

    public void Advance(double seconds) => Time.Advance(TimeSpan.FromSeconds(seconds));
}
