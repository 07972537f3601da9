using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Menagerie.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Transfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "InTransitOn",
                table: "Specimens",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OnTransfer",
                table: "Specimens",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RelatedId",
                table: "SpecimenEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TransferId",
                table: "SpecimenEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "HolderId",
                table: "HoldingPeriods",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "TransferId",
                table: "HoldingPeriods",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IdempotentRequests",
                columns: table => new
                {
                    Caller = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotentRequests", x => new { x.Caller, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "Transfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiverId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Terms = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReturnDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InitiatedBy = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DispatchedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Transfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Transfers_Institutions_ReceiverId",
                        column: x => x.ReceiverId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Transfers_Institutions_SenderId",
                        column: x => x.SenderId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TransferLines",
                columns: table => new
                {
                    TransferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SpecimenId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaxonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Counts = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ShippedId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Arrived = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DeadOnArrival = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Missing = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MissingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ResolutionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransferLines", x => new { x.TransferId, x.Number });
                    table.ForeignKey(
                        name: "FK_TransferLines_Specimens_MissingId",
                        column: x => x.MissingId,
                        principalTable: "Specimens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TransferLines_Specimens_ShippedId",
                        column: x => x.ShippedId,
                        principalTable: "Specimens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TransferLines_Specimens_SpecimenId",
                        column: x => x.SpecimenId,
                        principalTable: "Specimens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TransferLines_Taxa_TaxonId",
                        column: x => x.TaxonId,
                        principalTable: "Taxa",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TransferLines_Transfers_TransferId",
                        column: x => x.TransferId,
                        principalTable: "Transfers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TransferSteps",
                columns: table => new
                {
                    TransferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransferSteps", x => new { x.TransferId, x.Number });
                    table.ForeignKey(
                        name: "FK_TransferSteps_Transfers_TransferId",
                        column: x => x.TransferId,
                        principalTable: "Transfers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Specimens_InTransitOn",
                table: "Specimens",
                column: "InTransitOn");

            migrationBuilder.CreateIndex(
                name: "IX_Specimens_OnTransfer",
                table: "Specimens",
                column: "OnTransfer");

            migrationBuilder.CreateIndex(
                name: "IX_HoldingPeriods_TransferId",
                table: "HoldingPeriods",
                column: "TransferId");

            migrationBuilder.CreateIndex(
                name: "IX_TransferLines_MissingId",
                table: "TransferLines",
                column: "MissingId");

            migrationBuilder.CreateIndex(
                name: "IX_TransferLines_ShippedId",
                table: "TransferLines",
                column: "ShippedId");

            migrationBuilder.CreateIndex(
                name: "IX_TransferLines_SpecimenId",
                table: "TransferLines",
                column: "SpecimenId");

            migrationBuilder.CreateIndex(
                name: "IX_TransferLines_TaxonId",
                table: "TransferLines",
                column: "TaxonId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_ReceiverId_Status",
                table: "Transfers",
                columns: new[] { "ReceiverId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_SenderId_Status",
                table: "Transfers",
                columns: new[] { "SenderId", "Status" });

            migrationBuilder.AddForeignKey(
                name: "FK_Specimens_Transfers_OnTransfer",
                table: "Specimens",
                column: "OnTransfer",
                principalTable: "Transfers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Specimens_Transfers_OnTransfer",
                table: "Specimens");

            migrationBuilder.DropTable(
                name: "IdempotentRequests");

            migrationBuilder.DropTable(
                name: "TransferLines");

            migrationBuilder.DropTable(
                name: "TransferSteps");

            migrationBuilder.DropTable(
                name: "Transfers");

            migrationBuilder.DropIndex(
                name: "IX_Specimens_InTransitOn",
                table: "Specimens");

            migrationBuilder.DropIndex(
                name: "IX_Specimens_OnTransfer",
                table: "Specimens");

            migrationBuilder.DropIndex(
                name: "IX_HoldingPeriods_TransferId",
                table: "HoldingPeriods");

            migrationBuilder.DropColumn(
                name: "InTransitOn",
                table: "Specimens");

            migrationBuilder.DropColumn(
                name: "OnTransfer",
                table: "Specimens");

            migrationBuilder.DropColumn(
                name: "RelatedId",
                table: "SpecimenEvents");

            migrationBuilder.DropColumn(
                name: "TransferId",
                table: "SpecimenEvents");

            migrationBuilder.DropColumn(
                name: "TransferId",
                table: "HoldingPeriods");

            migrationBuilder.AlterColumn<Guid>(
                name: "HolderId",
                table: "HoldingPeriods",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
