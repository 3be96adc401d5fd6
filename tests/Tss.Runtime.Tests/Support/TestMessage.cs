namespace Tss.Runtime.Tests.Support;

/// <summary>A pipeline-like message: ids only.</summary>
public sealed record TestMessage(string Id, int Number = 0);
