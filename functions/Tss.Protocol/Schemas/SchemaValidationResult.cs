namespace Tss.Protocol.Schemas;

/// <summary>The outcome of validating one document against the official schema for its root.</summary>
public sealed record SchemaValidationResult(string SchemaFile, IReadOnlyList<SchemaError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
