#pragma once

#include "core/state/staterecords.h"

#include <QWidget>
#include <functional>
#include <memory>

class QMenu;
class QTimer;

namespace Ui {
class FailedRecordsPanel;
}

namespace weft {

class FailedRecordsModel;
class StateService;

/// The Failed records tab: the state store's failures (virtualized), filters by scheme, run,
/// stage, status and text; the selected record's error and payloads as formatted JSON;
/// retry selected / all, ignore, edit the source payload and retry, export CSV, and debug a
/// record in the designer.
class FailedRecordsPanel final : public QWidget
{
    Q_OBJECT
public:
    /// How long typing in a filter field pauses before the list is filtered.
    static constexpr int kTypingPauseMs = 150;

    explicit FailedRecordsPanel(StateService *state, QWidget *parent = nullptr);
    ~FailedRecordsPanel() override;

    FailedRecordsModel *model() const { return m_model; }
    void setSchemes(const QStringList &schemes);
    /// Shows the failures of one run (from the history).
    void showRun(const QString &runId, const QString &scheme);
    /// Selects rows (tests); the detail pane shows the first one once its page is loaded.
    void selectRows(const QList<int> &rows);
    /// Writes the records matching the filter to `path` on the state thread.
    void exportCsv(const QString &path);

    // Actions, also reachable from the buttons.
    void retrySelected();
    void retryAll();
    void ignoreSelected();
    void saveAndRetry();
    /// Asks to debug the current record in the designer (debugRequested), with the other
    /// selected records of its scheme that are loaded (at most kMaxDebugRecords in all).
    void debugInDesigner();
    static constexpr int kMaxDebugRecords = 50;
    /// The records table's context menu (its actions: debugAction, retry, ignore).
    QMenu *contextMenu() const { return m_menu; }

Q_SIGNALS:
    /// Retry these records of a scheme (all open ones when `recordIds` is empty).
    void retryRequested(const QString &scheme, const QStringList &recordIds);
    void message(const QString &text);
    /// Pin these records' source payloads as their scheme's sample and show the first one
    /// at the node where it failed. All of one scheme; the first is the current record.
    void debugRequested(const QList<weft::FailedRecord> &records);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyFilter();
    void retranslateMenu();
    void showCurrent();
    void updateCount();
    /// What an action on the selection needs of each selected record.
    struct SelectedRecord {
        qint64 id = 0;
        QString scheme;
        QString recordId;
    };
    /// Calls `act` with every selected record: at once when their pages are loaded, else
    /// after reading the selected rows from the state store (Ctrl+A in a million rows).
    void withSelection(std::function<void(const QList<SelectedRecord> &)> act);
    void retryRecords(const QList<SelectedRecord> &records);

    std::unique_ptr<Ui::FailedRecordsPanel> m_ui;
    StateService *m_state;
    FailedRecordsModel *m_model;
    QTimer *m_filterTimer;
    QMenu *m_menu;
    qint64 m_shownId = -1;
};

} // namespace weft
