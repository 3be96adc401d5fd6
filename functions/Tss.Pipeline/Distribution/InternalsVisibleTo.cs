using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Tss.Pipeline.Tests")]
