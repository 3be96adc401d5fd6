using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Portal.Accounts;
using Tss.Protocol.Parties;
using Tss.Tenancy;
using Tss.Tenancy.Tenants;

namespace Tss.Portal.Tenants;

/// <summary>Sign-up (tenant + profile + first user) and the tenant reads of the portal.</summary>
public sealed class PortalTenants(
    TableServiceClient tables,
    TenancyAdmin admin,
    PortalUserStore users,
    IOptions<PortalOptions> options,
    IOptions<TenancyOptions> tenancy,
    TimeProvider time,
    ILogger<PortalTenants> logger)
{
    private TableClient Profiles => tables.GetTableClient(options.Value.ProfilesTable);

    /// <summary>Validates every field (all errors at once); when none, creates the tenant, its profile and its administrator.</summary>
    public async Task<(PortalUser? User, SignUpErrors Errors)> SignUpAsync(SignUpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new SignUpErrors();
        var name = request.CompanyName?.Trim() ?? "";
        if (name.Length is < 2 or > 200)
        {
            errors[nameof(request.CompanyName)] = "Informe a razão social (2 a 200 caracteres).";
        }
        var cnpj = Cnpj.Normalize(request.Cnpj ?? "");
        if (!Cnpj.IsValid(cnpj))
        {
            errors[nameof(request.Cnpj)] = "CNPJ inválido: confira os 14 dígitos e os dígitos verificadores.";
        }
        var email = EmailAddresses.Normalize(request.Email);
        if (email is null)
        {
            errors[nameof(request.Email)] = "Informe um e-mail válido.";
        }
        if (PasswordRules.Check(request.Password, email) is { } weak)
        {
            errors[nameof(request.Password)] = weak;
        }
        else if (request.Password != request.ConfirmPassword)
        {
            errors[nameof(request.ConfirmPassword)] = "A confirmação não confere com a senha.";
        }
        if (errors.Count == 0 && await users.FindAsync(email!, ct).ConfigureAwait(false) is not null)
        {
            errors[nameof(request.Email)] = SignUpTexts.EmailUnavailable;
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var tenant = await admin.CreateTenantAsync(name, ct: ct).ConfigureAwait(false);
        await Profiles.UpsertEntityAsync(new TenantProfile { RowKey = tenant.TenantId, Cnpj = cnpj, ContactEmail = email!, CreatedAt = time.GetUtcNow() }, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        try
        {
            var user = await users.CreateAsync(email!, request.Password, tenant.TenantId, PortalRoles.TenantAdmin, ct).ConfigureAwait(false);
            Log.TenantSignedUp(logger, tenant.TenantId);
            return (user, errors);
        }
        catch (PortalException e)
        {
            Log.OrphanTenant(logger, tenant.TenantId);
            errors[nameof(request.Email)] = e.Message;
            return (null, errors);
        }
    }

    public async Task<TenantProfile?> GetProfileAsync(string tenantId, CancellationToken ct)
    {
        if (!TenantIds.IsValid(tenantId))
        {
            return null;
        }
        var read = await Profiles.GetEntityIfExistsAsync<TenantProfile>(TenantProfile.Partition, tenantId, cancellationToken: ct).ConfigureAwait(false);
        return read.HasValue ? read.Value : null;
    }

    /// <summary>Every tenant (operator area), by id.</summary>
    public async Task<IReadOnlyList<TenantRecord>> ListAsync(CancellationToken ct)
    {
        var list = new List<TenantRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TenantRecord.Partition}");
        await foreach (var t in tables.GetTableClient(tenancy.Value.TenantsTable).QueryAsync<TenantRecord>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            list.Add(t);
        }
        return list;
    }
}
