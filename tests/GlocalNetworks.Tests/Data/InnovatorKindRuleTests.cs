using System.Collections.Generic;
using GlocalNetworks.Data;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using nietras.SeparatedValues;
using Xunit;

namespace GlocalNetworks.Tests.Data;

public class InnovatorKindRuleTests
{
    [Theory]
    [InlineData("TECHNISCHE UNIVERSITAET MUENCHEN", InnovatorKind.University)]
    [InlineData("Technische Universität München", InnovatorKind.University)]
    [InlineData("UNIVERSIDAD POLITECNICA DE MADRID", InnovatorKind.University)]
    [InlineData("Université Paris-Saclay", InnovatorKind.University)]
    [InlineData("POLITECNICO DI TORINO", InnovatorKind.University)]
    [InlineData("IMPERIAL COLLEGE OF SCIENCE TECHNOLOGY AND MEDICINE", InnovatorKind.University)]
    [InlineData("KARLSRUHER INSTITUT FUER TECHNOLOGIE", InnovatorKind.University)]
    [InlineData("FRAUNHOFER-GESELLSCHAFT ZUR FOERDERUNG DER ANGEWANDTEN FORSCHUNG E.V.", InnovatorKind.ResearchInstitute)]
    [InlineData("CENTRE NATIONAL DE LA RECHERCHE SCIENTIFIQUE", InnovatorKind.ResearchInstitute)]
    [InlineData("MAX-PLANCK-GESELLSCHAFT ZUR FORDERUNG DER WISSENSCHAFTEN EV", InnovatorKind.ResearchInstitute)]
    [InlineData("ISTITUTO NAZIONALE DI FISICA NUCLEARE", InnovatorKind.ResearchInstitute)]
    [InlineData("TEKNOLOGIAN TUTKIMUSKESKUS VTT OY", InnovatorKind.ResearchInstitute)]
    [InlineData("SIEMENS AKTIENGESELLSCHAFT AG", InnovatorKind.Firm)]
    [InlineData("STMICROELECTRONICS S.R.L.", InnovatorKind.Firm)]
    [InlineData("TELECOM ITALIA S.p.A.", InnovatorKind.Firm)]
    [InlineData("NOVO NORDISK A/S", InnovatorKind.Firm)]
    [InlineData("PHILIPS ELECTRONICS NEDERLAND B.V.", InnovatorKind.Firm)]
    [InlineData("ACME RESEARCH LTD", InnovatorKind.Firm)]
    [InlineData("BOSCH SP. Z O.O.", InnovatorKind.Firm)]
    [InlineData("MINISTERIO DE ECONOMIA Y COMPETITIVIDAD", InnovatorKind.Government)]
    [InlineData("AGENCE NATIONALE DE LA RECHERCHE", InnovatorKind.Government)]
    [InlineData("REGIONE PIEMONTE", InnovatorKind.Government)]
    [InlineData("AYUNTAMIENTO DE LLEIDA", InnovatorKind.Government)]
    [InlineData("EUROPEAN ASSOCIATION FOR RESEARCH", InnovatorKind.Intermediary)]
    [InlineData("CHAMBER OF COMMERCE AND INDUSTRY OF SLOVENIA", InnovatorKind.Intermediary)]
    [InlineData("STICHTING VOOR FUNDAMENTEEL ONDERZOEK DER MATERIE", InnovatorKind.ResearchInstitute)]
    [InlineData("FONDAZIONE BRUNO KESSLER", InnovatorKind.Other)]
    [InlineData("ADMINISTRATION DES PONTS", InnovatorKind.Other)]
    [InlineData("WELLCOME TRUST", InnovatorKind.Other)]
    [InlineData("", InnovatorKind.Other)]
    public void Infer_Name_GivesKeywordKind(string name, InnovatorKind expected) =>
        Assert.Equal(expected, InnovatorKindRule.Infer(name));

    [Theory]
    [InlineData("S.p.A.", " SPA ")]
    [InlineData("  Foo--Bar/Baz  ", " FOO BARBAZ ")]
    [InlineData("l'énergie", " L ÉNERGIE ")]
    [InlineData("", " ")]
    public void Normalise_Name_UpperCasesDropsDotsAndCollapsesSeparators(string name, string expected) =>
        Assert.Equal(expected, InnovatorKindRule.Normalise(name));

    [Fact]
    public void Infer_SemiconductorsExtractWithActivityTypes_Agrees618Of765()
    {
        // The only shared set with CORDIS activity types: measure the rule against them (documented in InnovatorKindRule).
        var byOrg = new Dictionary<string, (string Name, string Type)>();
        using (var reader = Sep.Reader().FromFile(SharedData.Path("cordis-semiconductors-ev/organizations.csv")))
        {
            foreach (var row in reader)
            {
                byOrg[row["organisationID"].ToString()] = (row["name"].ToString(), row["activityType"].ToString());
            }
        }

        var agree = 0;
        foreach (var (name, type) in byOrg.Values)
        {
            var expected = type switch
            {
                "PRC" => InnovatorKind.Firm,
                "HES" => InnovatorKind.University,
                "REC" => InnovatorKind.ResearchInstitute,
                "PUB" => InnovatorKind.Government,
                "OTH" => InnovatorKind.Other,
                _ => (InnovatorKind)255,
            };
            agree += InnovatorKindRule.Infer(name) == expected ? 1 : 0;
        }

        Assert.Equal(765, byOrg.Count);
        Assert.Equal(618, agree);
    }
}
