import json

import pytest

from workbench import settings as st
from workbench.errors import SettingsError


def test_defaults_when_no_file(isolated_settings, monkeypatch):
    monkeypatch.delenv("WORKBENCH_DB")
    s = st.load_settings()
    assert s == st.Settings()
    assert s.effective_db_path == st.platform_db_path()
    assert s.effective_db_path.name == "triage-log.sqlite"
    assert "patent-triage-workbench" in str(st.platform_db_path())
    assert s.effective_reviewer  # the OS user
    assert s.thresholds.review == 0.15 and s.thresholds.likely == 0.5


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
    with pytest.raises(SettingsError):
        st.update_settings(review_threshold=0.9)  # above likely_threshold
    assert st.load_settings().review_threshold == 0.15  # nothing half-saved


@pytest.mark.parametrize(
    "kwargs",
    [
        {"review_threshold": -0.1},
        {"likely_threshold": 1.5},
        {"review_threshold": 0.7, "likely_threshold": 0.5},
        {"language": "fr"},
        {"review_threshold": "high"},
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
