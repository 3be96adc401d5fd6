using Tss.Testing.Sefaz;

namespace Tss.Testing.Hosting;

/// <summary>
/// Configuration for a test's own slice of a shared Azurite: every table, queue and container the pipeline, tenancy,
/// distribution, credits and portal use gets the <c>suffix</c>, so tests never see each other's rows or messages.
/// Callers add what is particular to them (clock-related windows, SMTP, feature switches).
/// </summary>
public static class TestSettings
{
    public static Dictionary<string, string?> IsolatedStorage(string connectionString, string suffix) => new()
    {
        ["Storage:ConnectionString"] = connectionString,
        ["Pipeline:DocumentsTable"] = "docs" + suffix,
        ["Pipeline:ErpIdsTable"] = "erp" + suffix,
        ["Pipeline:IdempotencyTable"] = "idem" + suffix,
        ["Pipeline:AssembleQueue"] = "asm-" + suffix,
        ["Pipeline:DistributeQueue"] = "dist-" + suffix,
        ["Pipeline:ProcContainer"] = "proc-" + suffix,
        ["Pipeline:SignedContainer"] = "signed-" + suffix,
        ["Tenancy:TenantsTable"] = "tenants" + suffix,
        ["Tenancy:EntitiesTable"] = "entities" + suffix,
        ["Tenancy:ApiKeysTable"] = "keys" + suffix,
        ["Certificates:Container"] = "certs-" + suffix,
        ["Distribution:DeliveriesTable"] = "deliveries" + suffix,
        ["Credits:Table"] = "credits" + suffix,
        ["Durable:TaskHub"] = DurableHub(suffix),
    };

    /// <summary>A task hub name of its own for <paramref name="suffix"/> (Azure rules: 3–45 letters or digits, a letter first).</summary>
    public static string DurableHub(string suffix)
    {
        var name = "dt" + new string([.. (suffix ?? string.Empty).Where(char.IsAsciiLetterOrDigit)]);
        return name.Length <= 45 ? name : name[..45];
    }

    /// <summary>
    /// <see cref="IsolatedStorage"/> plus the SEFAZ client pointed at the simulator (mutual TLS, its test CA) and the
    /// simulator's test CA as the trust anchor of certificate uploads, revocation checked online against its CRL.
    /// </summary>
    public static Dictionary<string, string?> WithSimulator(string connectionString, string suffix, SimulatorHarness simulator)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var settings = IsolatedStorage(connectionString, suffix);
        settings["Sefaz:BaseUrlOverride"] = simulator.SoapUri.ToString().TrimEnd('/');
        settings["Sefaz:TrustAnchorPath"] = simulator.AnchorPath;
        return settings.With(TrustingTestCa(simulator.AnchorPath));
    }

    /// <summary>
    /// A test CA (PEM file) as the only trust anchor of certificate uploads (no ICP-Brasil roots), with the revocation
    /// mode given (Online by default: the CA must publish its CRL, e.g. through <see cref="Pki.CrlServer"/>).
    /// </summary>
    public static Dictionary<string, string?> TrustingTestCa(string anchorPath, string revocationMode = "Online") => new()
    {
        ["Certificates:TrustAnchors:IcpBrasil"] = "false",
        ["Certificates:TrustAnchors:Paths:0"] = anchorPath,
        ["Certificates:TrustAnchors:RevocationMode"] = revocationMode,
    };

    /// <summary>Adds (or replaces) <paramref name="extra"/> entries.</summary>
    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, IEnumerable<KeyValuePair<string, string?>> extra)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(extra);
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }
}
