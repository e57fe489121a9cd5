#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace weft {

class SampleCache;
class StageTableModel;

/// The Node data tab: the records of the sample as they leave the node selected on the
/// canvas (source, beatFlat, a step, the mapping) — a table and the selected record as JSON —
/// and the scheme's pinned sample: pin, unpin, refresh, add or edit a record.
class NodeDataPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit NodeDataPanel(SampleCache *samples, QWidget *parent = nullptr);

    /// Shows the stage of a canvas node: "source", a step's id, "map" (the target node shows
    /// the mapping's output too).
    void setNode(const QString &scheme, const QString &key);
    QString scheme() const { return m_scheme; }
    /// The stage shown ("source", "beatFlat", a step id, "map").
    QString stageId() const;
    void setStageId(const QString &id);
    /// Selects the record with this id in every stage shown from now on — also after the
    /// sample is mapped again, while the scheme is being fixed — until setNode(); the first
    /// row when no record of the stage has it (a record flattened or grouped there).
    void selectRecord(const QString &recordId);
    StageTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPlainTextEdit *jsonView() const { return m_json; }
    QString stateText() const;

    /// Opens the record editor on `row` of the pinned sample (-1: a new record).
    void editRecord(int row);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showSample();
    void showStage();
    void showSelected();

    SampleCache *m_samples;
    StageTableModel *m_model;
    QString m_scheme;
    QString m_wantedStage;
    QString m_wantedRecord;
    QLabel *m_title;
    QComboBox *m_stage;
    QLabel *m_state;
    QPushButton *m_pin;
    QPushButton *m_refresh;
    QPushButton *m_add;
    QPushButton *m_edit;
    QTableView *m_table;
    QPlainTextEdit *m_json;
};

} // namespace weft
