using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Protocol.Parties;
using Tss.Protocol.Reference;
using Tss.Runtime.Tables;
using Tss.Tenancy.ApiKeys;
using Tss.Tenancy.Certificates;
using Tss.Tenancy.Entities;
using Tss.Tenancy.Secrets;
using Tss.Tenancy.Tenants;

namespace Tss.Tenancy;

/// <summary>
/// Operator actions on the tenant store: create a tenant, add or update an entity with its certificate, create and
/// revoke API keys. Refusals are <see cref="TenancyException"/>s with stable codes.
/// </summary>
public sealed class TenancyAdmin(
    TableServiceClient tables,
    ICertificateStore certificates,
    ISecretStore secrets,
    EntitySecretMigration migration,
    TenantDirectory directory,
    ApiKeyVerifier verifier,
    IOptions<TenancyOptions> options,
    TimeProvider time,
    ILogger<TenancyAdmin> logger)
{
    private readonly TenancyOptions _o = options.Value;

    public async Task<TenantRecord> CreateTenantAsync(string name, string? tenantId = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            throw new TenancyException(TenancyErrorCodes.TenantNameInvalid, "Informe um nome de 1 a 200 caracteres para o cliente.");
        }
        var id = tenantId ?? TenantIds.FromName(name);
        if (!TenantIds.IsValid(id))
        {
            throw new TenancyException(TenancyErrorCodes.TenantNameInvalid, $"Identificador de cliente inválido: '{id}' (letras minúsculas, dígitos e '-', 3 a 40).");
        }
        var record = new TenantRecord { RowKey = id, Name = name.Trim(), CreatedAt = time.GetUtcNow() };
        try
        {
            await tables.GetTableClient(_o.TenantsTable).AddEntityAsync(record, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new TenancyException(TenancyErrorCodes.TenantExists, $"O cliente '{id}' já existe.", e);
        }
        Log.TenantCreated(logger, id);
        return record;
    }

    public async Task<TenantRecord?> GetTenantAsync(string tenantId, CancellationToken ct = default)
    {
        if (!TenantIds.IsValid(tenantId))
        {
            return null;
        }
        var read = await tables.GetTableClient(_o.TenantsTable).GetEntityIfExistsAsync<TenantRecord>(TenantRecord.Partition, tenantId, cancellationToken: ct).ConfigureAwait(false);
        return read.HasValue ? read.Value : null;
    }

    /// <summary>
    /// Adds or updates an entity; a new certificate is validated and stored first, new secrets go to the secret store
    /// (the row keeps their references). A row still holding secrets in clear is migrated first.
    /// </summary>
    public async Task<EntityRecord> SaveEntityAsync(EntityRegistration registration, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var cnpj = Cnpj.Normalize(registration.Cnpj);
        Validate(registration, cnpj);
        _ = await GetTenantAsync(registration.TenantId, ct).ConfigureAwait(false)
            ?? throw new TenancyException(TenancyErrorCodes.TenantNotFound, $"Cliente '{registration.TenantId}' não encontrado.");

        var table = tables.GetTableClient(_o.EntitiesTable);
        var existing = await table.GetEntityIfExistsAsync<EntityRecord>(registration.TenantId, cnpj, cancellationToken: ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var record = existing.HasValue ? existing.Value! : new EntityRecord { PartitionKey = registration.TenantId, RowKey = cnpj, CreatedAt = now };
        if (record.HasClearSecrets)
        {
            record = (await migration.MigrateAsync(record, ct).ConfigureAwait(false)).Record ?? record;
        }
        if (registration.WebhookUrl is not null && string.IsNullOrEmpty(registration.WebhookSecret) && !record.HasWebhookSecret)
        {
            throw new TenancyException(TenancyErrorCodes.WebhookInvalid, "O webhook precisa de um segredo para a assinatura HMAC-SHA256.");
        }
        if (registration.Pfx is { } pfx)
        {
            var imported = await certificates.ImportAsync(registration.TenantId, cnpj, pfx, registration.PfxPassword ?? "", ct).ConfigureAwait(false);
            record.CertificateRef = imported.Reference;
            record.CertificateThumbprint = imported.Info.Thumbprint;
            record.CertificateSubjectCnpj = imported.Info.Cnpj;
            record.CertificateNotAfter = imported.Info.NotAfter;
        }
        else if (!existing.HasValue)
        {
            throw new TenancyException(TenancyErrorCodes.CertificateRequired, "Uma empresa nova precisa do certificado A1 (arquivo .pfx e senha).");
        }
        record.Uf = registration.Uf.ToUpperInvariant();
        record.tpAmb = registration.tpAmb;
        record.IE = string.IsNullOrWhiteSpace(registration.IE) ? null : registration.IE.Trim().ToUpperInvariant();
        record.WebhookUrl = registration.WebhookUrl?.AbsoluteUri;
        // A replaced secret's old version stays in the store: other instances may hold the old reference for the cache TTL.
        if (registration.WebhookUrl is null)
        {
            record.WebhookSecretRef = null;
        }
        else if (!string.IsNullOrEmpty(registration.WebhookSecret))
        {
            record.WebhookSecretRef = await secrets.PutAsync(new SecretName(registration.TenantId, cnpj, SecretKind.WebhookSecret), registration.WebhookSecret, ct).ConfigureAwait(false);
        }
        record.Email = registration.Email?.Trim();
        if (registration.NfceCsc is { } csc)
        {
            record.NfceCscId = csc.Id;
            record.NfceCscTokenRef = await secrets.PutAsync(new SecretName(registration.TenantId, cnpj, SecretKind.NfceCsc), csc.Token, ct).ConfigureAwait(false);
        }
        else if (registration.NfceCscId is { } newId && record.HasNfceCscToken)
        {
            record.NfceCscId = newId;
        }
        (record.WebhookSecret, record.NfceCscToken) = (null, null);
        record.UpdatedAt = now;
        await table.UpsertEntityAsync(record, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        directory.Invalidate(registration.TenantId, cnpj);
        Log.EntitySaved(logger, registration.TenantId, cnpj, record.Uf, record.tpAmb);
        return record;
    }

    public async Task<CreatedApiKey> CreateApiKeyAsync(string tenantId, string? name = null, CancellationToken ct = default)
    {
        _ = await GetTenantAsync(tenantId, ct).ConfigureAwait(false)
            ?? throw new TenancyException(TenancyErrorCodes.TenantNotFound, $"Cliente '{tenantId}' não encontrado.");
        var (keyId, key) = ApiKeyFormat.New();
        ApiKeyFormat.TryParse(key, out _, out var secret);
        var record = new ApiKeyRecord
        {
            PartitionKey = keyId,
            TenantId = tenantId,
            SecretHash = ApiKeyFormat.Hash(keyId, secret!),
            Name = name,
            CreatedAt = time.GetUtcNow(),
        };
        await tables.GetTableClient(_o.ApiKeysTable).AddEntityAsync(record, ct).ConfigureAwait(false);
        Log.ApiKeyCreated(logger, tenantId, keyId);
        return new CreatedApiKey(tenantId, keyId, key);
    }

    /// <summary>Revokes a key given its id or the whole key. Idempotent; this instance refuses it at once, the others
    /// within <see cref="TenancyOptions.RevocationCheckInterval"/> (the revocation stamp is rewritten).</summary>
    public async Task<ApiKeyRecord> RevokeApiKeyAsync(string keyIdOrKey, CancellationToken ct = default)
    {
        var keyId = ApiKeyFormat.TryParse(keyIdOrKey, out var parsed, out _) ? parsed : keyIdOrKey;
        var table = tables.GetTableClient(_o.ApiKeysTable);
        var now = time.GetUtcNow();
        var result = keyId.Length == ApiKeyFormat.KeyIdLength && keyId.All(char.IsAsciiHexDigitLower)
            ? await table.UpdateWithRetryAsync<ApiKeyRecord>(keyId, ApiKeyRecord.Row, r =>
            {
                if (r.RevokedAt is not null)
                {
                    return false;
                }
                r.RevokedAt = now;
                return true;
            }, ct: ct).ConfigureAwait(false)
            : null;
        if (result?.Entity is not { } record)
        {
            throw new TenancyException(TenancyErrorCodes.ApiKeyNotFound, $"Chave de API '{keyId}' não encontrada.");
        }
        verifier.Invalidate(keyId);
        await ApiKeyRevocationStamp.WriteAsync(table, keyId, now, ct).ConfigureAwait(false);
        Log.ApiKeyRevoked(logger, record.TenantId, keyId);
        return record;
    }

    /// <summary>The keys of a tenant (hashes only). A scan of the key table: an operator action, not a request path.</summary>
    public async Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(string tenantId, CancellationToken ct = default)
    {
        var list = new List<ApiKeyRecord>();
        await foreach (var r in tables.GetTableClient(_o.ApiKeysTable).QueryAsync<ApiKeyRecord>(k => k.TenantId == tenantId, cancellationToken: ct).ConfigureAwait(false))
        {
            list.Add(r);
        }
        return list;
    }

    private static void Validate(EntityRegistration r, string cnpj)
    {
        if (!Cnpj.IsValid(cnpj))
        {
            throw new TenancyException(TenancyErrorCodes.CnpjInvalid, $"CNPJ inválido: '{r.Cnpj}'.");
        }
        if (!UfCodes.All.Contains(r.Uf.ToUpperInvariant()))
        {
            throw new TenancyException(TenancyErrorCodes.UfInvalid, $"UF inválida: '{r.Uf}'.");
        }
        if (r.tpAmb is not (1 or 2))
        {
            throw new TenancyException(TenancyErrorCodes.EnvironmentInvalid, "O ambiente (tpAmb) deve ser 1 (produção) ou 2 (homologação).");
        }
        if (!string.IsNullOrWhiteSpace(r.IE) && !(r.IE.Trim().Equals("ISENTO", StringComparison.OrdinalIgnoreCase)
            || (r.IE.Trim().Length is >= 2 and <= 14 && r.IE.Trim().All(char.IsAsciiDigit))))
        {
            throw new TenancyException(TenancyErrorCodes.IeInvalid, "A inscrição estadual deve ter de 2 a 14 dígitos ou ser ISENTO.");
        }
        if (r.WebhookUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http")))
        {
            throw new TenancyException(TenancyErrorCodes.WebhookInvalid, "O webhook deve ser uma URL http(s) absoluta.");
        }
        if (r.NfceCscId is { } cscId && !Tss.Protocol.Nfce.NfceCsc.IsValidId(cscId))
        {
            throw new TenancyException(TenancyErrorCodes.CscInvalid, "CSC da NFC-e inválido: o idCSC tem de 1 a 6 dígitos.");
        }
        if (r.NfceCsc is { } csc && !Tss.Protocol.Nfce.NfceCsc.IsValid(csc.Id, csc.Token))
        {
            throw new TenancyException(TenancyErrorCodes.CscInvalid, "CSC da NFC-e inválido: o idCSC tem de 1 a 6 dígitos e o CSC de 16 a 36 letras e dígitos.");
        }
        if (r.Email is { } email && !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _))
        {
            throw new TenancyException(TenancyErrorCodes.EmailInvalid, $"E-mail inválido: '{email}'.");
        }
    }
}
