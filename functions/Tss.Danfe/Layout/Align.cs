namespace Tss.Danfe.Layout;

/// <summary>Horizontal alignment of a text in its box.</summary>
internal enum Align
{
    Left,
    Center,
    Right,
}
