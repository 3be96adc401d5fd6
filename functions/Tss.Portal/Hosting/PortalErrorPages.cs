using System.Text;
using Microsoft.AspNetCore.Http;

namespace Tss.Portal.Hosting;

/// <summary>Small pt-BR HTML pages for the portal's error answers (no detail about what exists elsewhere).</summary>
public static class PortalErrorPages
{
    public static async Task WriteAsync(HttpContext context, int status, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (title, text) = status switch
        {
            429 => ("Muitas tentativas", message ?? "Muitas tentativas. Aguarde um pouco e tente novamente."),
            400 => ("Requisição inválida", "O formulário expirou ou chegou incompleto. Volte, recarregue a página e tente de novo."),
            403 => ("Acesso negado", "Sua conta não tem acesso a esta página."),
            405 => ("Método não permitido", "Esta página não aceita esta operação."),
            413 => ("Arquivo grande demais", "O arquivo enviado excede o limite."),
            421 => ("Use HTTPS", "O portal só funciona por conexão segura (https://). Acesse o mesmo endereço com https."),
            _ => ("Página não encontrada", "A página ou o registro pedido não existe."),
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var html = $"""
            <!DOCTYPE html>
            <html lang="pt-BR"><head><meta charset="utf-8"><title>{title} — Portal TSS</title>
            <link rel="stylesheet" href="{PortalStylesheet.Path}"></head>
            <body><main class="narrow"><h1>{title}</h1><p>{text}</p><p><a href="{PortalPolicies.PathBase}/">Voltar ao portal</a></p></main></body></html>
            """;
        await context.Response.WriteAsync(html, Encoding.UTF8).ConfigureAwait(false);
    }
}
