using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Pipeline.Distribution;
using Tss.Protocol.Nfce;
using Tss.Protocol.Parties;
using Tss.Protocol.Reference;
using Tss.Tenancy;
using Tss.Tenancy.Entities;
using Tss.Tenancy.Tenants;

namespace Tss.Portal.Entities;

/// <summary>
/// The entities of the signed-in tenant: every read is by the tenant's own partition, so another tenant's CNPJ is
/// simply not found. Writes go through <see cref="TenancyAdmin"/> (which validates and stores the certificate).
/// </summary>
public sealed class PortalEntities(
    TableServiceClient tables,
    TenancyAdmin admin,
    IOptions<TenancyOptions> tenancy,
    IOptions<DistributionOptions> distribution,
    ILogger<PortalEntities> logger)
{
    private TableClient Entities => tables.GetTableClient(tenancy.Value.EntitiesTable);

    public async Task<IReadOnlyList<EntityRecord>> ListAsync(string tenantId, CancellationToken ct)
    {
        var list = new List<EntityRecord>();
        if (!TenantIds.IsValid(tenantId))
        {
            return list;
        }
        await foreach (var e in Entities.QueryAsync<EntityRecord>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"), cancellationToken: ct).ConfigureAwait(false))
        {
            list.Add(e);
        }
        return list;
    }

    /// <summary>The tenant's entity with this CNPJ, or null (also for a malformed CNPJ or another tenant's).</summary>
    public async Task<EntityRecord?> GetAsync(string tenantId, string? cnpj, CancellationToken ct)
    {
        if (!TenantIds.IsValid(tenantId) || cnpj is null || !Cnpj.IsValid(cnpj))
        {
            return null;
        }
        var read = await Entities.GetEntityIfExistsAsync<EntityRecord>(tenantId, cnpj, cancellationToken: ct).ConfigureAwait(false);
        return read.HasValue ? read.Value : null;
    }

    /// <summary>Adds (certificate required) or updates an entity; the field errors say why when nothing was saved.</summary>
    public async Task<(EntityRecord? Entity, FieldErrors Errors)> SaveAsync(string tenantId, EntityForm form, bool isNew, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new FieldErrors();
        var cnpj = Cnpj.Normalize(form.Cnpj ?? "");
        if (!Cnpj.IsValid(cnpj))
        {
            errors.Add(nameof(form.Cnpj), TenancyErrorCodes.CnpjInvalid, "CNPJ inválido: confira os 14 dígitos e os dígitos verificadores.");
        }
        var uf = (form.Uf ?? "").Trim().ToUpperInvariant();
        if (!UfCodes.All.Contains(uf))
        {
            errors.Add(nameof(form.Uf), TenancyErrorCodes.UfInvalid, "Escolha a UF da empresa.");
        }
        if (form.tpAmb is not (1 or 2))
        {
            errors.Add(nameof(form.tpAmb), TenancyErrorCodes.EnvironmentInvalid, "Escolha o ambiente: 1 (produção) ou 2 (homologação).");
        }
        var ie = form.IE?.Trim();
        if (!string.IsNullOrEmpty(ie) && !(ie.Equals("ISENTO", StringComparison.OrdinalIgnoreCase) || (ie.Length is >= 2 and <= 14 && ie.All(char.IsAsciiDigit))))
        {
            errors.Add(nameof(form.IE), TenancyErrorCodes.IeInvalid, "A inscrição estadual deve ter de 2 a 14 dígitos (sem pontuação) ou ser ISENTO.");
        }
        var cscId = form.CscId?.Trim() ?? "";
        var cscToken = form.CscToken?.Trim() ?? "";
        if (cscId.Length > 0 && !NfceCsc.IsValidId(cscId))
        {
            errors.Add(nameof(form.CscId), TenancyErrorCodes.CscInvalid, "O identificador do CSC (idCSC) tem de 1 a 6 dígitos.");
        }
        if (cscToken.Length > 0 && !NfceCsc.IsValidToken(cscToken))
        {
            errors.Add(nameof(form.CscToken), TenancyErrorCodes.CscInvalid, "O CSC tem de 16 a 36 letras e dígitos.");
        }
        if ((cscId.Length == 0) != (cscToken.Length == 0) && (isNew || cscId.Length == 0))
        {
            errors.Add(nameof(form.CscToken), TenancyErrorCodes.CscInvalid, "Informe o idCSC e o CSC juntos (ou nenhum dos dois).");
        }
        var existing = isNew ? null : await GetAsync(tenantId, cnpj, ct).ConfigureAwait(false);
        if (isNew && form.Pfx is null)
        {
            errors.Add(nameof(form.Pfx), TenancyErrorCodes.CertificateRequired, "Envie o certificado A1 (.pfx) da empresa e a senha dele.");
        }
        if (isNew && errors.Count == 0 && await GetAsync(tenantId, cnpj, ct).ConfigureAwait(false) is not null)
        {
            errors.Add(nameof(form.Cnpj), "entity.exists", "Esta empresa já está cadastrada.");
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        try
        {
            var saved = await admin.SaveEntityAsync(new EntityRegistration
            {
                TenantId = tenantId,
                Cnpj = cnpj,
                Uf = uf,
                tpAmb = form.tpAmb,
                IE = ie,
                Pfx = form.Pfx,
                PfxPassword = form.PfxPassword,
                WebhookUrl = existing?.WebhookUrl is { } w ? new Uri(w) : null,
                // No secret here: the one on file (in the secret store) is kept.
                Email = existing?.Email,
                // A new idCSC with a blank CSC keeps the CSC on file (it is never shown again); no idCSC keeps both.
                NfceCsc = cscId.Length > 0 && cscToken.Length > 0 ? new NfceCsc(cscId, cscToken) : null,
                NfceCscId = cscId.Length > 0 && cscToken.Length == 0 ? cscId : null,
            }, ct).ConfigureAwait(false);
            return (saved, errors);
        }
        catch (TenancyException e)
        {
            if (CertificateMessages.IsCertificateCode(e.Code))
            {
                Log.CertificateRefused(logger, tenantId, cnpj, e.Code);
                errors.Add(nameof(form.Pfx), e.Code, CertificateMessages.For(e));
            }
            else
            {
                errors.Add("", e.Code, e.Message);
            }
            return (null, errors);
        }
    }

    /// <summary>Saves the webhook and e-mail of an existing entity (the webhook URL under the distributor's SSRF policy).</summary>
    public async Task<(EntityRecord? Entity, FieldErrors Errors)> SaveDistributionAsync(EntityRecord entity, DistributionForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new FieldErrors();
        Uri? webhook = null;
        var url = form.WebhookUrl?.Trim() ?? "";
        if (url.Length > 0)
        {
            if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out webhook))
            {
                errors.Add(nameof(form.WebhookUrl), TenancyErrorCodes.WebhookInvalid, "Informe uma URL absoluta (https://…).");
            }
            else if (WebhookUrlCheck.Check(webhook, distribution.Value) is { } refused)
            {
                errors.Add(nameof(form.WebhookUrl), TenancyErrorCodes.WebhookInvalid, WebhookMessage(refused));
            }
        }
        // A blank secret keeps the one on file (read from the secret store only to sign, never shown).
        var secret = string.IsNullOrEmpty(form.WebhookSecret) ? null : form.WebhookSecret;
        if (webhook is not null && (secret is null ? !entity.HasWebhookSecret : secret.Length < 16 || secret.Length > 200))
        {
            errors.Add(nameof(form.WebhookSecret), TenancyErrorCodes.WebhookInvalid, "O segredo do webhook (HMAC-SHA256) deve ter de 16 a 200 caracteres.");
        }
        var email = form.Email?.Trim() ?? "";
        if (email.Length > 0 && (email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(email, out _)))
        {
            errors.Add(nameof(form.Email), TenancyErrorCodes.EmailInvalid, "Informe um e-mail válido.");
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        try
        {
            var saved = await admin.SaveEntityAsync(new EntityRegistration
            {
                TenantId = entity.TenantId,
                Cnpj = entity.Cnpj,
                Uf = entity.Uf,
                tpAmb = entity.tpAmb,
                IE = entity.IE,
                WebhookUrl = webhook,
                WebhookSecret = webhook is null ? null : secret,
                Email = email.Length > 0 ? email : null,
            }, ct).ConfigureAwait(false);
            return (saved, errors);
        }
        catch (TenancyException e)
        {
            errors.Add("", e.Code, e.Message);
            return (null, errors);
        }
    }

    private static string WebhookMessage(string code) => code switch
    {
        "url_scheme_not_allowed" => "O webhook deve usar https.",
        "url_credentials_not_allowed" => "A URL do webhook não pode conter usuário e senha.",
        "http_not_allowed" => "O webhook deve usar https (http não é permitido).",
        "address_blocked" => "Este endereço não é permitido para webhooks (rede interna, loopback ou link-local).",
        _ => "Informe uma URL absoluta (https://…).",
    };
}
