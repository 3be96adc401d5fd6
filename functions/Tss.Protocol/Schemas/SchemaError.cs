namespace Tss.Protocol.Schemas;

/// <summary>One schema violation, naming the element and its position in the validated text.</summary>
public sealed record SchemaError(string Element, int Line, int Position, string Message);
