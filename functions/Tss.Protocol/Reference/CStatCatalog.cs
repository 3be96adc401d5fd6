namespace Tss.Protocol.Reference;

/// <summary>The official xMotivo text for each cStat (data file embedded in this assembly).</summary>
public static class CStatCatalog
{
    /// <summary>The text for <paramref name="cStat"/>, or "Rejeição: erro não catalogado" style fallback.</summary>
    public static string Text(int cStat) => throw new NotImplementedException();
}
