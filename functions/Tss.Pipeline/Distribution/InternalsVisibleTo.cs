using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Tss.Pipeline.Tests")]
[assembly: InternalsVisibleTo("Tss.Mde")]
[assembly: InternalsVisibleTo("Tss.Orchestrations.Tests")]
