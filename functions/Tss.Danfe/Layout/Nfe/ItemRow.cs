using Tss.Danfe.Model;

namespace Tss.Danfe.Layout.Nfe;

/// <summary>An item with its wrapped code and description lines and its measured height (mm).</summary>
internal sealed record ItemRow(Item Item, IReadOnlyList<string> Code, IReadOnlyList<string> Description, double Height);
