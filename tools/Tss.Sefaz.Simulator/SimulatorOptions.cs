using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography.X509Certificates;

namespace Tss.Sefaz.Simulator;

/// <summary>Settings of the SEFAZ simulator (configuration section <see cref="Section"/>).</summary>
public sealed class SimulatorOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Simulator";

    /// <summary>Port of the HTTPS SOAP endpoint (mutual TLS). 0 picks a free port.</summary>
    [Range(0, 65535)]
    public int SoapPort { get; set; } = 8443;

    /// <summary>Address the SOAP endpoint binds to ("127.0.0.1" by default; "0.0.0.0" or "::" for all interfaces).</summary>
    public string SoapBindAddress { get; set; } = "127.0.0.1";

    /// <summary>Port of the plain-HTTP admin endpoint (always loopback). 0 picks a free port.</summary>
    [Range(0, 65535)]
    public int AdminPort { get; set; } = 8080;

    /// <summary>TLS server certificate (with private key). Takes precedence over <see cref="ServerCertificatePath"/>.</summary>
    public X509Certificate2? ServerCertificate { get; set; }

    /// <summary>PFX file of the TLS server certificate.</summary>
    public string? ServerCertificatePath { get; set; }

    /// <summary>Password of <see cref="ServerCertificatePath"/>.</summary>
    public string? ServerCertificatePassword { get; set; }

    /// <summary>The CA that client (transmitter) and signing certificates must chain to.</summary>
    public X509Certificate2? ClientCaCertificate { get; set; }

    /// <summary>PEM or DER file of the client CA certificate.</summary>
    public string? ClientCaCertificatePath { get; set; }

    /// <summary>
    /// When no server certificate or client CA is configured, the development CA in this directory is loaded or created
    /// (ca.pfx, ca.crt) and a server certificate for localhost is issued from it.
    /// </summary>
    public string? DevPkiDirectory { get; set; }

    /// <summary>tpAmb the simulator serves (1 produção, 2 homologação); other values get cStat 252.</summary>
    [Range(1, 2)]
    public int Environment { get; set; } = 2;

    /// <summary>tMed announced in 103 and 107 answers (seconds); 0 = lots are processed at once (benchmarks).</summary>
    [Range(0, 9999)]
    public int TMedSeconds { get; set; } = 1;

    /// <summary>Time from receipt until an asynchronous lot is processed; defaults to <see cref="TMedSeconds"/>.</summary>
    public TimeSpan? ProcessingTime { get; set; }

    /// <summary>Minimum time between two queries of the same receipt before the second counts as a violation.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Violations per CNPJ within one hour tolerated before 656 "Consumo Indevido" blocks it for an hour.</summary>
    [Range(0, int.MaxValue)]
    public int ConsumptionViolationThreshold { get; set; } = 10;

    /// <summary>NT 2025.001: refuse (452) an asynchronous lot holding a single model-55 NF-e.</summary>
    public bool Enforce452 { get; set; } = true;

    /// <summary>Largest SOAP message accepted before cStat 214 (SEFAZ counts 500 KB = 512,000 bytes).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 512_000;

    /// <summary>verAplic written in every answer (1–20 characters).</summary>
    [StringLength(20, MinimumLength = 1)]
    public string VerAplic { get; set; } = "TSS-SIM-1.0";

    /// <summary>cUF used when a request does not say which UF it is for (e.g. a malformed key).</summary>
    [Range(11, 53)]
    public int DefaultcUF { get; set; } = 35;

    /// <summary>How long processed lots stay queryable (SEFAZ keeps receipts for about a day).</summary>
    public TimeSpan ReceiptRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Speed-up of the simulator clock (1 = real time). Other values use a ScaledTimeProvider.</summary>
    [Range(0.001, 1_000_000)]
    public double ClockScale { get; set; } = 1;

    /// <summary>Instant at which the scaled clock equals real time; share it with the processes that talk to us.</summary>
    public DateTimeOffset? ClockOrigin { get; set; }

    /// <summary>How many exchanges the admin log keeps (oldest dropped first).</summary>
    [Range(1, 1_000_000)]
    public int ExchangeLogCapacity { get; set; } = 10_000;

    /// <summary>How long after authorization an NF-e may be cancelled (24 h for NF-e in most UFs); later → 501 (pedido de cancelamento intempestivo; 220 was the retired cancelamento service's code).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan CancelDeadline { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How far in the future dhEvento may lie (clock skew) before 578.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan EventClockTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Most numbers one inutilização may void before 201 (authorizers set their own limit).</summary>
    [Range(1, 999_999_999)]
    public int MaxVoidRange { get; set; } = 10_000;

    /// <summary>
    /// CNPJs CadConsultaCadastro4 knows besides the emitters of authorized NF-e (each in the UF of its requests).
    /// </summary>
    public IList<string> RegisteredTaxpayers { get; } = [];

    /// <summary>How long an SVC keeps serving a UF after the UF's authorizer came back (status 113 meanwhile), then 114.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SvcWindDown { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The effective processing time.</summary>
    public TimeSpan EffectiveProcessingTime => ProcessingTime ?? TimeSpan.FromSeconds(TMedSeconds);
}
