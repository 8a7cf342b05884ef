#pragma once

#include "common/io/ImportTable.h"

#include <QAbstractTableModel>
#include <QList>

class QWidget;

namespace sunshine::app {

// The bad rows of a bulk import (花名册, 发放名单 ...) as the import dialogs show them: line, column, reason;
// rows held back because of another row in grey. Exports to .xlsx as shown.
class ImportProblemsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setProblems(const QList<io::ImportProblem> &problems);
    const QList<io::ImportProblem> &problems() const { return m_problems; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Writes the problems to an .xlsx file (line as a number, column, reason); on failure sets *error
    // (Chinese).
    static bool exportXlsx(const QString &path, const QList<io::ImportProblem> &problems, QString *error);
    // Asks where to save the bad rows (beside the imported file `sourcePath`, "<name>-bad-rows.xlsx"), writes
    // them there and tells the clerk how it went.
    static void exportWithDialog(QWidget *parent, const QString &sourcePath,
                                 const QList<io::ImportProblem> &problems);

private:
    QList<io::ImportProblem> m_problems;
};

} // namespace sunshine::app
