#pragma once

#include "app/dashboard/DashboardData.h"

#include <QCoreApplication>
#include <QDialog>
#include <QImage>
#include <memory>

class QTextDocument;

namespace Ui {
class QuarterReportDialog;
}

namespace sunshine::app {

class ClientSession;

// The quarterly report of one county as supervisors and leaders hand it on: the quarter's money (in total,
// per town, per fund kind, per month against last year), the registry and exits, pairing and visit coverage,
// overdue help requests and fund entries per department, with the charts, as one PDF.
class QuarterReport
{
    Q_DECLARE_TR_FUNCTIONS(QuarterReport)

public:
    explicit QuarterReport(DashboardData &data);

    // The report as a document (text, tables, the chart pictures as resources).
    std::unique_ptr<QTextDocument> document(const QString &countyId, relief::Quarter quarter) const;
    // Writes it as an A4 PDF; false with the reason.
    bool writePdf(const QString &countyId, relief::Quarter quarter, const QString &path,
                  QString *error) const;

    // A chart drawn off-screen into a picture (twice the pixels of `size`, for print).
    static QImage render(QWidget *chart, QSize size);

private:
    DashboardData &m_data;
};

// Asks for the county and the quarter of a report; the counties of the user's area, the quarters of the last
// two years (the last finished one chosen).
class QuarterReportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit QuarterReportDialog(ClientSession &session, QWidget *parent = nullptr);
    ~QuarterReportDialog() override;
    QString countyId() const;
    relief::Quarter quarter() const;

private:
    std::unique_ptr<Ui::QuarterReportDialog> ui;
};

} // namespace sunshine::app
