namespace Tss.Trust.Revocation;

/// <summary>One certificate's revocation status and, when not good, why (for logs).</summary>
internal readonly record struct RevocationAnswer(RevocationState State, string Detail);
