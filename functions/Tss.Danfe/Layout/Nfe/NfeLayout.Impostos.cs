namespace Tss.Danfe.Layout.Nfe;

/// <summary>Cálculo do imposto: ICMS/ST/IPI/PIS/COFINS totals, and the IBS/CBS (Reforma Tributária) row when present.</summary>
internal sealed partial class NfeLayout
{
    private double TaxHeight => TitleHeight + ((d.IbsCbs is null ? 2 : 3) * RowHeight);

    private double Taxes(Canvas c, double y)
    {
        const double s = 1.0 / 9;
        var t = d.Totals;
        y = Title(c, y, "CÁLCULO DO IMPOSTO");
        y = Row(c, y, Money(s, "BASE DE CÁLC. DO ICMS", t.vBC), Money(s, "VALOR DO ICMS", t.vICMS), Money(s, "BASE DE CÁLC. ICMS S.T.", t.vBCST),
            Money(s, "VALOR DO ICMS SUBST.", t.vST), Money(s, "V. IMP. IMPORTAÇÃO", t.vII), Money(s, "V. ICMS UF REMET.", t.vICMSUFRemet),
            Money(s, "V. FCP UF DEST.", t.vFCPUFDest), Money(s, "VALOR DO PIS", t.vPIS), Money(s, "V. TOTAL PRODUTOS", t.vProd));
        y = Row(c, y, Money(s, "VALOR DO FRETE", t.vFrete), Money(s, "VALOR DO SEGURO", t.vSeg), Money(s, "DESCONTO", t.vDesc),
            Money(s, "OUTRAS DESPESAS", t.vOutro), Money(s, "VALOR TOTAL IPI", t.vIPI), Money(s, "V. ICMS UF DEST.", t.vICMSUFDest),
            Money(s, "V. TOT. TRIB.", t.vTotTrib), Money(s, "VALOR DA COFINS", t.vCOFINS), Money(s, "V. TOTAL DA NOTA", t.vNF));
        if (d.IbsCbs is not { } r)
        {
            return y;
        }

        const double q = 1.0 / 7;
        return Row(c, y, Money(q, "BASE DE CÁLC. IBS/CBS", r.vBCIBSCBS), Money(q, "V. IBS UF", r.vIBSUF), Money(q, "V. IBS MUNICÍPIO", r.vIBSMun),
            Money(q, "V. TOTAL IBS", r.vIBS), Money(q, "V. CBS", r.vCBS), Money(q, "V. IMPOSTO SELETIVO", r.vIS ?? 0),
            Money(q, "V. TOTAL NF C/ IBS/CBS/IS", r.vNFTot ?? t.vNF));
    }
}
