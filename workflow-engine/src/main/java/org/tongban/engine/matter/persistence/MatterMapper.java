package org.tongban.engine.matter.persistence;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The matter catalogue tables. The catalogue is small: it is read whole and assembled in Java. */
@Mapper
public interface MatterMapper {

    List<MatterRow> findMatters();

    List<MaterialRow> findMaterials();

    List<CodePair> findMatterDepartments();

    List<BundleRow> findBundles();

    List<CodePair> findBundleItems();

    long countMatters();

    void insertMatter(MatterRow matter);

    void insertMaterial(MaterialRow material);

    void insertMatterDepartment(@Param("matterCode") String matterCode, @Param("departmentCode") String departmentCode);

    void insertBundle(BundleRow bundle);

    void insertBundleItem(@Param("bundleCode") String bundleCode, @Param("matterCode") String matterCode,
                          @Param("sortOrder") int sortOrder);
}
