namespace Tss.Portal.Accounts;

/// <summary>What a portal password must be: 10 to 128 characters, letters and digits, not the e-mail itself.</summary>
public static class PasswordRules
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    /// <summary>Null when acceptable; otherwise the pt-BR reason.</summary>
    public static string? Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return $"A senha deve ter pelo menos {MinLength} caracteres.";
        }
        if (password.Length > MaxLength)
        {
            return $"A senha deve ter no máximo {MaxLength} caracteres.";
        }
        if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit))
        {
            return "A senha deve combinar letras e números.";
        }
        if (email is not null && password.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase) && email.Split('@')[0].Length >= 4)
        {
            return "A senha não pode conter o seu e-mail.";
        }
        return null;
    }
}
