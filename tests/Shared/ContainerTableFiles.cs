namespace Menagerie.Testing;

/// <summary>Licensed LAR container tables as an administrator uploads them, one good and one with a problem on each row.</summary>
public static class ContainerTableFiles
{
    /// <summary>A licensed row for big cats, with the container requirement number the shipped table lacks (invented for the test).</summary>
    public const string Licensed = """
        group,applies_to,container_requirement,edition,formula,sharing,max_per_crate,ventilation_share,padlocks,feed_from_outside,predator,attendant_access,tare_kg_per_m2,temperature_min,temperature_max,source
        big-cats,Panthera;Acinonyx;Puma;Uncia;Neofelis,CR72,IATA LAR 51st edition (2025),large-carnivore,alone,1,0.16,yes,yes,yes,yes,30,12.8,26.7,"IATA LAR 51st edition, CR72 (licensed copy)"
        """;

    /// <summary>Three rows, each with one problem: a formula that is none, a crate count in words, no source.</summary>
    public const string Broken = """
        group,applies_to,container_requirement,edition,formula,sharing,max_per_crate,source
        big-cats,Panthera,CR72,IATA LAR 51st edition (2025),huge,alone,1,licensed
        bears,Ursidae,CR73,IATA LAR 51st edition (2025),large-carnivore,alone,two,licensed
        bovids,Bovidae,CR74,IATA LAR 51st edition (2025),hoofstock,alone,1,
        """;
}
