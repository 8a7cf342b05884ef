#include "app/records/ImportProblemsModel.h"

#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "common/io/XlsxWriter.h"

#include <QColor>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

void ImportProblemsModel::setProblems(const QList<io::ImportProblem> &problems)
{
    beginResetModel();
    m_problems = problems;
    endResetModel();
}

int ImportProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_problems.size());
}

int ImportProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 3;
}

QVariant ImportProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_problems.size())
        return {};
    const io::ImportProblem &p = m_problems.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case 0:
            return p.line;
        case 1:
            return p.column;
        case 2:
            return p.reason;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == 2)
        return p.reason;
    if (role == Qt::TextAlignmentRole && index.column() == 0)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && p.heldBack)
        return QColor(0x6b, 0x6b, 0x6b);
    return {};
}

QVariant ImportProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case 0:
        return tr("Line");
    case 1:
        return tr("Column");
    case 2:
        return tr("Reason");
    }
    return {};
}

bool ImportProblemsModel::exportXlsx(const QString &path, const QList<io::ImportProblem> &problems,
                                     QString *error)
{
    io::XlsxWriter writer(path);
    bool ok = writer.beginSheet(tr("Bad rows"), {tr("Line"), tr("Column"), tr("Reason")}, {8, 18, 90});
    for (const io::ImportProblem &p : problems) {
        if (!ok)
            break;
        ok = writer.writeValues({p.line, p.column, p.reason});
    }
    if (ok)
        ok = writer.finish();
    if (!ok && error)
        *error = writer.errorString();
    return ok;
}

void ImportProblemsModel::exportWithDialog(QWidget *parent, const QString &sourcePath,
                                           const QList<io::ImportProblem> &problems)
{
    const QFileInfo source(sourcePath);
    const QString suggested =
        source.absoluteDir().filePath(source.completeBaseName() + tr("-bad-rows") + u".xlsx"_s);
    const QString path =
        FileDialog::getSaveFileName(parent, tr("Export bad rows"), suggested, tr("Excel (*.xlsx)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportXlsx(path, problems, &error)) {
        MessageBox::warning(parent, tr("Export failed"), error);
        return;
    }
    MessageBox::information(parent, tr("Exported"),
                            tr("%n bad row(s) written to %1.", nullptr, int(problems.size()))
                                .arg(QDir::toNativeSeparators(path)));
}

} // namespace sunshine::app
