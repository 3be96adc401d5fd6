using System.Globalization;

namespace Tss.Cli.Drill;

/// <summary>What an outage drill found; <see cref="Print"/> ends with one JSON line.</summary>
/// <param name="ViaSvc">Authorized documents whose key carries tpEmis 6/7 (SVC).</param>
/// <param name="ViaUf">Authorized documents whose key carries tpEmis 1 (the UF's own authorizer).</param>
/// <param name="Rekeyed">Documents ingest answered with another key than the one submitted.</param>
/// <param name="AuthorizedTwice">Keys the simulator authorized more than once plus numbers it authorized under two keys.</param>
/// <param name="Lost">Accepted documents not final at the end, or submitted and never accepted.</param>
/// <param name="Decisions">Rows of the SP decision log.</param>
internal sealed record DrillResult(int Docs, int Authorized, int ViaSvc, int ViaUf, int Rekeyed, int AuthorizedTwice, int Lost, int Decisions, double Seconds)
{
    public int Rejected { get; init; }

    public bool Passed => Authorized == Docs && AuthorizedTwice == 0 && Lost == 0;

    public void Print()
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"documents        {Docs} submitted, {Authorized} authorized ({ViaSvc} via SVC-AN, {ViaUf} via SP), {Rekeyed} re-keyed by ingest, {Rejected} rejected, {Lost} lost"));
        Console.WriteLine(string.Create(c, $"SEFAZ            {AuthorizedTwice} keys or numbers authorized twice"));
        Console.WriteLine(string.Create(c, $"policy           {Decisions} decisions in SP's log"));
        Console.WriteLine(string.Create(c, $"wall             {Seconds:F1} s  →  {(Passed ? "PASS" : "FAIL")}"));
        Console.WriteLine(string.Create(c,
            $"{{\"docs\":{Docs},\"authorized\":{Authorized},\"viaSvc\":{ViaSvc},\"viaUf\":{ViaUf},\"rekeyed\":{Rekeyed},\"authorizedTwice\":{AuthorizedTwice},\"lost\":{Lost},\"decisions\":{Decisions},\"seconds\":{Seconds:F1}}}"));
    }
}
