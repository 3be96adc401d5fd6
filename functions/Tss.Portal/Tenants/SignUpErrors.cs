namespace Tss.Portal.Tenants;

/// <summary>Field → pt-BR message of a refused sign-up (field names as in <see cref="SignUpRequest"/>; "" for the whole form).</summary>
public sealed class SignUpErrors : Dictionary<string, string>
{
    public SignUpErrors() : base(StringComparer.Ordinal)
    {
    }
}
