using Bootstrap.Blueprint.Talos;

namespace Bootstrap.Blueprint.Tests.Talos;

public class SchematicTests
{
    // Ids the Image Factory returns for these schematics (published widely; e.g. Talos' Proxmox guide uses ce4c98...).
    [Theory]
    [InlineData(new[] { "siderolabs/qemu-guest-agent" }, "ce4c980550dd2ab1b17bbf2b08801c7eb59418eafe8f279833297925d67c7515")]
    [InlineData(new string[0], "376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba")]
    public void The_id_matches_the_image_factory(string[] extensions, string id)
    {
        Assert.Equal(id, Schematic.For(extensions).Id);
    }

    [Fact]
    public void Listing_order_and_duplicates_do_not_change_the_image()
    {
        var a = Schematic.For(["siderolabs/qemu-guest-agent", "siderolabs/iscsi-tools"]);
        var b = Schematic.For(["siderolabs/iscsi-tools", "siderolabs/qemu-guest-agent", "siderolabs/iscsi-tools"]);

        Assert.Equal(a.Id, b.Id);
        Assert.Equal(
            "customization:\n    systemExtensions:\n        officialExtensions:\n"
            + "            - siderolabs/iscsi-tools\n            - siderolabs/qemu-guest-agent\n",
            a.Yaml);
    }

    [Fact]
    public void Images_carry_the_schematic_and_version()
    {
        var image = new TalosImage(Schematic.For(["siderolabs/qemu-guest-agent"]), "v1.13.9");

        Assert.Equal(
            "factory.talos.dev/nocloud-installer/ce4c980550dd2ab1b17bbf2b08801c7eb59418eafe8f279833297925d67c7515:v1.13.9", image.InstallerImage);
        Assert.Equal(
            "https://factory.talos.dev/image/ce4c980550dd2ab1b17bbf2b08801c7eb59418eafe8f279833297925d67c7515/v1.13.9/nocloud-amd64.qcow2",
            image.DiskImageUrl);
        Assert.Equal("talos-v1.13.9-ce4c980550dd-nocloud-amd64.qcow2", image.FileName);
    }
}
