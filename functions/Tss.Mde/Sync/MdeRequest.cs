using System.Security.Cryptography.X509Certificates;
using Tss.Sefaz.Client;

namespace Tss.Mde.Sync;

/// <summary>A distDFeInt ready to send: every local step (certificate, payload) is done, so a failure after this is the transport's.</summary>
public sealed record MdeRequest(SefazTarget Target, X509Certificate2 Certificate, string Payload);
