using Tss.Danfe.Formatting;

namespace Tss.Danfe.Layout.Nfce;

/// <summary>Consultation by key, consumer, identification and protocol, QR code and the complementary messages.</summary>
internal sealed partial class NfceLayout
{
    private void Consultation(Receipt r)
    {
        r.Text("Consulte pela Chave de Acesso em", s.Bold, Align.Center);
        r.Text(d.UrlChave ?? "o portal da SEFAZ autorizadora", s.Text, Align.Center);
        r.Text(Br.Key(d.Key), s.Text, Align.Center);
        r.Rule();
    }

    private void Consumer(Receipt r)
    {
        if (d.Destinatario is not { } c || (c.Document is null && string.IsNullOrEmpty(c.Name)))
        {
            r.Text("CONSUMIDOR NÃO IDENTIFICADO", s.Bold, Align.Center);
        }
        else
        {
            var id = c.Document is null ? string.Empty : (c.Document.Length == 11 ? "CPF: " : c.Document.Length == 14 ? "CNPJ: " : "ID: ") + Br.Document(c.Document);
            r.Text(string.Join(" - ", new[] { "CONSUMIDOR", id, c.Name }.Where(x => !string.IsNullOrEmpty(x))), s.Bold, Align.Center);
            var a = c.Address;
            r.Text(string.Join(", ", new[] { a.Street, a.xBairro, a.xMun, a.UF }.Where(x => !string.IsNullOrEmpty(x))), s.Text, Align.Center);
        }

        r.Rule();
    }

    private void Identification(Receipt r)
    {
        r.Text($"NFC-e nº {d.Ide.nNF:D9} Série {Br.Serie(d.Ide.serie)} {Br.DateTime(d.Ide.dhEmi)}", s.Bold, Align.Center);
        if (d.Protocol is { } protocol)
        {
            r.Text($"Protocolo de autorização: {protocol.nProt}", s.Text, Align.Center);
            r.Text($"Data de autorização: {Br.DateTime(protocol.dhRecbto)}", s.Text, Align.Center);
        }
        else
        {
            // Off-line contingency (tpEmis 9) before the authorization: no protocol yet ("EMITIDA EM CONTINGÊNCIA" is in the header).
            r.Text("Pendente de autorização", s.Bold, Align.Center);
            if (d.Ide.dhCont is { } dhCont)
            {
                r.Text($"Entrada em contingência: {Br.DateTime(dhCont)}", s.Text, Align.Center);
            }
        }

        if (d.Ide.tpAmb == 2)
        {
            r.Text("EMITIDA EM AMBIENTE DE HOMOLOGAÇÃO - SEM VALOR FISCAL", s.Bold, Align.Center);
        }
    }

    private void QrCode(Receipt r)
    {
        if (d.QrCode is not { } text)
        {
            r.Text("(NFC-e sem QR Code: infNFeSupl ausente no XML)", s.Small, Align.Center);
            return;
        }

        r.Space(1.5);
        r.Text("Consulta via leitor de QR Code", s.Small, Align.Center);
        var matrix = Barcodes.Barcodes.QrCode(text);
        // At least 25 mm, as the DANFE NFC-e specification asks; larger where the roll allows.
        var size = options.NfcePaper == NfcePaper.Mm58 ? 30 : 36;
        r.Block(size + 2, (c, top) => c.Matrix(matrix, r.X + ((r.Width - size) / 2), top + 1, size));
    }

    private void Messages(Receipt r)
    {
        if (d.infCpl is { } infCpl)
        {
            r.Rule();
            r.Text(infCpl, s.Small, Align.Center);
        }
    }
}
