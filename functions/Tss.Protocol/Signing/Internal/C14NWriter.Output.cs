using System.Buffers;
using System.Text.Unicode;
using System.Xml;

namespace Tss.Protocol.Signing.Internal;

/// <summary>UTF-8 output and the C14N escaping rules for text and attribute values.</summary>
internal sealed partial class C14NWriter
{
    // C14N 1.0 §2.3: text escapes & < > and CR; attribute values escape & < " TAB LF CR.
    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&<>\r");
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&<\"\t\n\r");

    private void WriteEscapedText(string text)
    {
        ReadOnlySpan<char> remaining = text;
        while (true)
        {
            var index = remaining.IndexOfAny(TextSpecials);
            if (index < 0)
            {
                WriteRaw(remaining);
                return;
            }

            WriteRaw(remaining[..index]);
            WriteAscii(remaining[index] switch
            {
                '&' => "&amp;"u8,
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                _ => "&#xD;"u8,
            });
            remaining = remaining[(index + 1)..];
        }
    }

    private void WriteEscapedAttribute(string value)
    {
        ReadOnlySpan<char> remaining = value;
        while (true)
        {
            var index = remaining.IndexOfAny(AttributeSpecials);
            if (index < 0)
            {
                WriteRaw(remaining);
                return;
            }

            WriteRaw(remaining[..index]);
            WriteAscii(remaining[index] switch
            {
                '&' => "&amp;"u8,
                '<' => "&lt;"u8,
                '"' => "&quot;"u8,
                '\t' => "&#x9;"u8,
                '\n' => "&#xA;"u8,
                _ => "&#xD;"u8,
            });
            remaining = remaining[(index + 1)..];
        }
    }

    private void WriteProcessingInstruction(XmlProcessingInstruction instruction)
    {
        WriteAscii("<?"u8);
        WriteRaw(instruction.Target);
        var data = instruction.Data;
        if (!string.IsNullOrEmpty(data))
        {
            WriteAscii(" "u8);
            WriteRaw(data);
        }

        WriteAscii("?>"u8);
    }

    private void WriteRaw(ReadOnlySpan<char> chars)
    {
        while (true)
        {
            // isFinalBlock: a surrogate pair is never split across two calls; it waits for room instead.
            var status = Utf8.FromUtf16(chars, _buffer.AsSpan(_position), out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
            _position += written;
            if (status == OperationStatus.Done)
            {
                return;
            }

            chars = chars[read..];
            Flush();
        }
    }

    private void WriteAscii(ReadOnlySpan<byte> bytes)
    {
        if (_position + bytes.Length > _buffer.Length)
        {
            Flush();
        }

        bytes.CopyTo(_buffer.AsSpan(_position));
        _position += bytes.Length;
    }

    private void Flush()
    {
        if (_position > 0)
        {
            _sink!.Write(_buffer.AsSpan(0, _position));
            _position = 0;
        }
    }
}
