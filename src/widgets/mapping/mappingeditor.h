#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QToolButton;
class QTreeView;
class QCheckBox;
class QPushButton;

namespace weft {

class ExpressionField;
class MappingModel;
class ProjectDocument;
class SampleCache;
class SourceFieldModel;
class MySqlColumnLoader;

/// The mapping editor of one scheme: source fields on the left (from a sample or from the
/// metadata; searchable), the target's fields on the right; drag fields across to map them,
/// auto-map by name, clear; the selected field's value in the expression editor beneath,
/// with its parser and its value for the chosen sample record.
class MappingEditor final : public QWidget
{
    Q_OBJECT
public:
    MappingEditor(ProjectDocument *doc, SampleCache *samples, QWidget *parent = nullptr);
    ~MappingEditor() override;

    void setScheme(const QString &scheme);
    QString scheme() const { return m_scheme; }
    MappingModel *model() const { return m_model; }
    SourceFieldModel *sourceModel() const { return m_sources; }
    QTableView *targetView() const { return m_targets; }
    QTreeView *sourceView() const { return m_sourceTree; }
    ExpressionField *expressionField() const { return m_expression; }
    /// Selects a target row and shows its value in the expression editor.
    void selectTarget(int row);

Q_SIGNALS:
    void message(const QString &text);
    void previewRequested(const QString &scheme);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshSources();
    void refreshSummary();
    void refreshSample();
    void loadCurrent();
    void commitParser();
    int currentRow() const;

    ProjectDocument *m_doc;
    SampleCache *m_samples;
    QString m_scheme;
    MappingModel *m_model;
    QSortFilterProxyModel *m_targetProxy;
    SourceFieldModel *m_sources;
    QSortFilterProxyModel *m_sourceProxy;
    MySqlColumnLoader *m_columns;

    QLabel *m_title;
    QPushButton *m_fetch;
    QLabel *m_sampleState;
    QLabel *m_recordLabel;
    QSpinBox *m_record;
    QLineEdit *m_sourceSearch;
    QTreeView *m_sourceTree;
    QLabel *m_sourceHint;
    QLineEdit *m_targetSearch;
    QCheckBox *m_unmappedOnly;
    QToolButton *m_autoMap;
    QToolButton *m_clear;
    QToolButton *m_clearAll;
    QLabel *m_summary;
    QTableView *m_targets;
    QLabel *m_valueLabel;
    ExpressionField *m_expression;
    QLabel *m_parserLabel;
    QComboBox *m_parser;
    QLineEdit *m_param1;
    QLineEdit *m_param2;
    QLabel *m_tableColumns;
    bool m_loading = false;
};

} // namespace weft
