using System.Security.Cryptography.X509Certificates;

namespace Tss.Sefaz.Simulator.Hosting;

/// <summary>The certificates the simulator runs with: its TLS server certificate and the CA clients must chain to.</summary>
public sealed record SimulatorCertificates(X509Certificate2 Server, X509Certificate2 ClientCa);
