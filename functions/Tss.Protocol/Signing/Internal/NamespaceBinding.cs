namespace Tss.Protocol.Signing.Internal;

/// <summary>A prefix bound to a namespace URI; the default namespace has the empty prefix.</summary>
internal readonly record struct NamespaceBinding(string Prefix, string Uri);
