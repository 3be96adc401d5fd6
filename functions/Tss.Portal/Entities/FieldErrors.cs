namespace Tss.Portal.Entities;

/// <summary>Field → pt-BR message of a refused form ("" for the whole form), with the stable code of the first refusal.</summary>
public sealed class FieldErrors : Dictionary<string, string>
{
    public FieldErrors() : base(StringComparer.Ordinal)
    {
    }

    public string? Code { get; set; }

    public void Add(string field, string code, string message)
    {
        TryAdd(field, message);
        Code ??= code;
    }
}
