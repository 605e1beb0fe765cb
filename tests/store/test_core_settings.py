import json

import pytest

from workbench import settings as st
from workbench.domain import Thresholds
from workbench.errors import ModelError, SettingsError


def test_defaults_when_no_file(isolated_settings, monkeypatch):
    monkeypatch.delenv("WORKBENCH_DB")
    s = st.load_settings()
    assert s == st.Settings()
    assert s.effective_db_path == st.platform_db_path()
    assert s.effective_db_path.name == "triage-log.sqlite"
    assert "patent-triage-workbench" in str(st.platform_db_path())
    assert s.effective_reviewer  # the OS user
    assert s.thresholds is None  # "use the model card's recommended thresholds"


def test_save_load_roundtrip_in_config_dir(isolated_settings, monkeypatch):
    monkeypatch.delenv("WORKBENCH_DB")
    s = st.Settings(reviewer="佐藤 花子", db_path=str(isolated_settings / "my.sqlite"), review_threshold=0.2,
                    likely_threshold=0.6, language="ja")
    path = st.save_settings(s)
    assert path == isolated_settings / "config" / "settings.json"
    assert st.load_settings() == s
    assert st.default_reviewer() == "佐藤 花子"
    assert st.default_db_path() == isolated_settings / "my.sqlite"
    assert json.loads(path.read_text(encoding="utf-8"))["reviewer"] == "佐藤 花子"


def test_environment_overrides_saved_settings(isolated_settings, monkeypatch):
    st.save_settings(st.Settings(reviewer="saved", db_path="/somewhere/else.sqlite"))
    monkeypatch.setenv("WORKBENCH_REVIEWER", "env-reviewer")
    assert st.default_reviewer() == "env-reviewer"
    assert st.default_db_path() == isolated_settings / "default-log.sqlite"


def test_update_settings_validates_and_saves():
    st.update_settings(language="en")
    assert st.load_settings().language == "en"
    st.update_settings(review_threshold=0.2, likely_threshold=0.6)
    with pytest.raises(SettingsError):
        st.update_settings(review_threshold=0.9)  # above likely_threshold
    assert st.load_settings().thresholds == Thresholds(0.2, 0.6)  # nothing half-saved
    with pytest.raises(SettingsError) as err:
        st.update_settings(likely_threshold=None)  # one alone would pair with an unseen card value
    assert err.value.code == "E901" and "both" in err.value.message
    st.update_settings(review_threshold=None, likely_threshold=None)
    assert st.load_settings().thresholds is None


def test_unset_thresholds_are_stored_as_null_and_round_trip(isolated_settings):
    path = st.save_settings(st.Settings(reviewer="x"))
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["review_threshold"] is None and raw["likely_threshold"] is None
    assert st.load_settings() == st.Settings(reviewer="x")
    assert st.load_settings().thresholds is None


@pytest.mark.parametrize("review,likely", [(0.15, 0.5), (0.002, 0.3), (0.0, 0.0)])
def test_explicit_thresholds_round_trip_even_the_old_builtin_values(isolated_settings, review, likely):
    st.save_settings(st.Settings(review_threshold=review, likely_threshold=likely))
    assert st.load_settings().thresholds == Thresholds(review=review, likely=likely)


def test_an_older_settings_file_with_numbers_keeps_them_as_the_users_choice(isolated_settings):
    """Files written before thresholds became optional always held numbers (0.15/0.5 when
    untouched); they load as explicit thresholds, never silently replaced."""
    path = st.settings_path()
    path.parent.mkdir(parents=True)
    old = {"reviewer": "", "db_path": "", "review_threshold": 0.15, "likely_threshold": 0.5, "rules_dir": "", "language": "ja"}
    path.write_text(json.dumps(old), encoding="utf-8")
    s = st.load_settings()
    assert s.thresholds == Thresholds(review=0.15, likely=0.5) and s.language == "ja"
    path.write_text(json.dumps({"review_threshold": 0, "likely_threshold": 1}), encoding="utf-8")  # JSON integers
    assert st.load_settings().thresholds == Thresholds(review=0.0, likely=1.0)


def test_a_file_with_only_one_threshold_names_the_file(isolated_settings):
    path = st.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"review_threshold": 0.2, "likely_threshold": None}), encoding="utf-8")
    with pytest.raises(SettingsError) as err:
        st.load_settings()
    assert err.value.code == "E901" and err.value.path == str(path) and "likely_threshold" in err.value.message


def test_recommended_thresholds_come_from_the_model_card(tmp_path):
    card = {"thresholds": {"review": 0.001, "likely": 0.3, "calib_recall": 0.99, "calib_flag_rate": 0.7,
                           "chosen_on": "calibration split",
                           "operating_points": [{"recall": 0.9, "threshold": 0.004, "flag_rate": 0.5}]}}
    (tmp_path / st.MODEL_CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    rec = st.recommended_thresholds(tmp_path)
    assert rec.thresholds == Thresholds(review=0.001, likely=0.3)
    assert (rec.recall, rec.flag_rate, rec.chosen_on) == (0.99, 0.7, "calibration split")
    assert rec.operating_points == (st.OperatingPoint(recall=0.9, flag_rate=0.5, threshold=0.004),)


def test_operating_points_with_the_same_figures_are_listed_once_at_their_lowest_threshold(tmp_path):
    """The shipped card listed five points at recall 0.9825 / flag rate 0.1085 (thresholds 0.17-0.51: above
    0.17 the evidence-term rule flags the same drafts); Settings read as if the threshold did nothing."""
    pts = [{"recall": 1.0, "flag_rate": 0.35, "threshold": 0.0018}, {"recall": 0.9825, "flag_rate": 0.1085, "threshold": 0.344},
           {"recall": 0.9825, "flag_rate": 0.1096, "threshold": 0.108}, {"recall": 0.9825, "flag_rate": 0.1085, "threshold": 0.17},
           {"recall": 0.9825, "flag_rate": 0.1085, "threshold": 0.512}]
    (tmp_path / "ipc_model.card.json").write_text(json.dumps({"thresholds": {"review": 0.108, "likely": 0.69, "operating_points": pts}}))
    rec = st.recommended_thresholds(tmp_path)
    assert [(p.recall, p.flag_rate, p.threshold) for p in rec.operating_points] == [
        (1.0, 0.35, 0.0018), (0.9825, 0.1096, 0.108), (0.9825, 0.1085, 0.17)]


@pytest.mark.parametrize("content", [None, "{not json", json.dumps({"name": "no thresholds"}),
                                     json.dumps({"thresholds": {"review": "low", "likely": 0.3}})])
def test_a_missing_or_damaged_model_card_is_e403_naming_it(tmp_path, content):
    card = tmp_path / st.MODEL_CARD_FILE
    if content is not None:
        card.write_text(content, encoding="utf-8")
    with pytest.raises(ModelError) as err:
        st.recommended_thresholds(tmp_path)
    assert err.value.code == "E403" and err.value.path == str(card)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"review_threshold": -0.1, "likely_threshold": 0.5},
        {"review_threshold": 0.1, "likely_threshold": 1.5},
        {"review_threshold": 0.7, "likely_threshold": 0.5},
        {"language": "fr"},
        {"review_threshold": "high", "likely_threshold": 0.5},
        {"review_threshold": 0.2},
        {"likely_threshold": 0.5},
        {"review_threshold": True, "likely_threshold": 0.5},
    ],
)
def test_invalid_settings_are_e901(kwargs):
    with pytest.raises(SettingsError) as err:
        st.Settings(**kwargs)
    assert err.value.code == "E901"


def test_damaged_settings_file_names_the_file(isolated_settings):
    path = st.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(SettingsError) as err:
        st.load_settings()
    assert err.value.code == "E901" and err.value.path == str(path)
    assert path.read_text(encoding="utf-8") == "{not json"  # left as it was


def test_bad_value_in_file_names_the_file_and_unknown_keys_are_ignored(isolated_settings):
    path = st.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"language": "ja", "future_option": 1}), encoding="utf-8")
    assert st.load_settings().language == "ja"
    path.write_text(json.dumps({"language": "xx"}), encoding="utf-8")
    with pytest.raises(SettingsError) as err:
        st.load_settings()
    assert err.value.path == str(path) and "language" in err.value.message


def test_active_rules_dir_one_rule_for_cli_and_gui(isolated_settings, monkeypatch, tmp_path):
    monkeypatch.delenv("WORKBENCH_RULES_DIR", raising=False)
    monkeypatch.setattr(st, "_data_dir", lambda: tmp_path / "data")
    assert st.Settings().active_rules_dir() is None  # no folder set, default folder absent
    (tmp_path / "data" / "rules").mkdir(parents=True)
    assert st.Settings().active_rules_dir() == tmp_path / "data" / "rules"  # default folder exists
    assert st.Settings(rules_dir=str(tmp_path / "firm")).active_rules_dir() == tmp_path / "firm"
    monkeypatch.setenv("WORKBENCH_RULES_DIR", str(tmp_path / "env"))
    assert st.Settings(rules_dir=str(tmp_path / "firm")).active_rules_dir() == tmp_path / "env"
