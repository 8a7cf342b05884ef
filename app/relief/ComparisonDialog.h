#pragma once

#include <QDialog>
#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class ComparisonDialog;
}

class QTableWidget;

namespace sunshine::app {

class ClientSession;
struct CachedRecord;

// The comparison (比对, Art. 9) of identification cases, for reviewers at county or city level: import the
// results the departments sent back (身份证号, 比对来源, 比对情况/详情; .xlsx or CSV), which become open hits
// of the matching cases; then clear each hit with a reason or confirm it. Every change is one save per case
// to the cache and outbox, so it works offline. Viewing the hits asks once for the reason of the query, and
// each case shown is reported to the server's audit log (Art. 26) through the session's ViewLog.
class ComparisonDialog : public QDialog
{
    Q_OBJECT
public:
    // `place`: the village whose cases are shown; empty for all cases in the local data.
    ComparisonDialog(ClientSession &session, QString place = {}, QWidget *parent = nullptr);
    ~ComparisonDialog() override;

    struct RowProblem
    {
        int line = 0; // as the clerk sees it in the file
        QString reason;
    };
    struct ImportReport
    {
        QString error; // the file could not be used at all
        int rows = 0;  // data rows read (empty rows not counted)
        int hitsAdded = 0;
        int casesChanged = 0; // cases saved (one save each)
        int duplicates = 0;   // rows whose hit the case already had
        QList<RowProblem> unmatched;
        QList<RowProblem> malformed;
    };
    // Reads a results file and appends each new hit (status open) to its case: one save per case that gets
    // new hits. The report is also shown in the dialog.
    ImportReport importFile(const QString &path);
    // The wire value of a source as the departments write it (车辆 → "vehicles", ...), or nothing.
    static std::optional<QString> sourceFromText(const QString &text);

    // Whether this user may work on the comparison (a reviewer at county or city level).
    bool canCompare() const;
    // Asks for the reason once (see setReasonPrompt), then shows the hits and logs a view of each case shown.
    // False when no reason was given.
    bool showHits();
    bool hitsShown() const { return !m_reason.isEmpty(); }
    QString queryReason() const { return m_reason; }
    // Replaces the question for the reason (tests answer it; an empty answer cancels).
    void setReasonPrompt(std::function<QString()> prompt) { m_prompt = std::move(prompt); }

    QTableWidget *hitsTable() const;
    // The case and the index in its hits of a row of the table.
    QString caseAt(int row) const;
    int hitIndexAt(int row) const;
    // The cases shown (those with hits among the cases in view), and those already logged.
    QStringList shownCases() const;

    // Status changes of the hit in `row`; false with problem() set when refused.
    bool clearHit(int row, const QString &reason);
    bool confirmHit(int row);

    QString problem() const;
    QString report() const;

private:
    void chooseFile();
    void clearCurrent();
    void confirmCurrent();
    void reloadHits();
    void logViews();
    void showReport(const ImportReport &report);
    bool setStatus(int row, const QString &status, const QString &reason);
    bool saveHits(const CachedRecord &record, const QJsonArray &hits, QString *error);
    void setProblem(const QString &text);

    struct Row
    {
        QString caseId;
        int index = 0;
    };

    std::unique_ptr<Ui::ComparisonDialog> ui;
    ClientSession &m_session;
    QString m_place;
    QString m_reason;
    std::function<QString()> m_prompt;
    QList<Row> m_rows;
    QStringList m_shown;
    QSet<QString> m_logged;
};

} // namespace sunshine::app
