#pragma once

#include "common/io/ImportTable.h"
#include "common/io/TableFile.h"
#include "common/sync/RecordType.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QSet>

// Reading a village's existing asset register (资产台账, CSV or .xlsx, UTF-8 or GBK) into collective-asset
// records of one chosen village: one row per asset. The header row is found by its column names (a title
// above it is ignored):
//
//   资产编号   编号, 资产编码, 资产代码 — required; a number Excel stored (101, 101.0) is read as "101"
//   资产名称   名称
//   类别       资产类别, 资产类型, 分类 — the labels of assetCategoryPairs() or a common synonym
//   坐落位置   坐落, 位置, 存放地点, 地点 — optional
//   数量       optional: 1 when the column or the cell is empty; a unit after the number is ignored (3台)
//   原值       资产原值, 账面原值 — yuan
//   取得方式   取得途径, 来源, 资产来源 — 自建, 购置, 调拨, 捐赠, 项目建成 or a common synonym
//   启用日期   启用时间, 购建日期, 取得日期, 投入使用日期
//   使用年限   折旧年限, 预计使用年限 — years (0: not depreciated); "10年" is read as 10
//   状态       使用状态, 资产状态 — 自用, 出租, 闲置, 报废, 已处置 or a common synonym
//   管护人     管护责任人, 保管人, 责任人 — optional
//   资金项目   资金项目编码 — optional; 建设项目 项目名称, 扶贫项目, 资金项目/建设项目 — optional
//   处置日期, 处置方式 — optional, for assets 报废 or 已处置
//
// Every row is checked with the asset type's own checks. A row whose 资产编号 the village has already
// (AssetImportOptions::existingCodes) is skipped and counted, never doubled; the same 资产编号 twice in the
// file is reported on the second row. Empty rows and total rows are skipped.
namespace sunshine::collective {

struct AssetImportOptions
{
    sync::Placement placement; // the village
    QDate today;
    // The 资产编号 of the village's assets stored already.
    QSet<QString> existingCodes;
    io::ProgressCallback progress;
};

struct AssetImportRow
{
    QString recordId;
    QJsonObject fields;
    int line = 0;
};

struct AssetImportResult
{
    QList<AssetImportRow> rows; // the good new rows, in the file's order
    QList<io::ImportProblem> problems;
    int rowsRead = 0;
    int badRows = 0;
    int alreadyImported = 0; // rows skipped: the village has an asset of that 资产编号
    QString error;
    bool cancelled = false;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

AssetImportResult checkAssetImport(const io::TableData &table, const AssetImportOptions &options);
bool hasAssetHeader(const io::TableData &table);
// The canonical headers of the required or of the optional columns.
QStringList assetImportHeaders(bool required);
// The id an imported asset gets: one per village and 资产编号.
QString assetRecordId(const QString &villageId, const QString &code);
// The other words registers use for the choices, word → the choice's label (房屋 → 房屋建筑物, 购买 → 购置,
// 在用 → 自用 …).
const QHash<QString, QString> &assetChoiceSynonyms();

} // namespace sunshine::collective
