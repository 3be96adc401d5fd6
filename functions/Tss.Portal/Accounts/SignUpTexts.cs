namespace Tss.Portal.Accounts;

/// <summary>Account messages that must read the same whether or not an e-mail has an account (pt-BR).</summary>
public static class SignUpTexts
{
    /// <summary>Sign-up with an e-mail that cannot be used: says neither "taken" nor "free".</summary>
    public const string EmailUnavailable = "Não foi possível criar a conta com este e-mail. Se você já tem acesso ao portal, entre com a sua senha.";

    /// <summary>Wrong password and unknown e-mail alike.</summary>
    public const string InvalidCredentials = "E-mail ou senha incorretos.";

    /// <summary>Too many attempts for the e-mail typed (with or without an account).</summary>
    public static string Throttled(TimeSpan wait) =>
        $"Muitas tentativas de entrar com este e-mail. Aguarde {Seconds(wait)} segundos e tente novamente.";

    /// <summary>Too many form posts from the same address.</summary>
    public static string ClientThrottled(TimeSpan wait) =>
        $"Muitas tentativas a partir deste endereço. Aguarde {Seconds(wait)} segundos e tente novamente.";

    /// <summary>Whole seconds, at least 1 (also the Retry-After value).</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
